package io.nbf.modules.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.modules.descriptor.BundleDescriptor;
import io.nbf.modules.descriptor.BundleVersion;
import io.nbf.modules.testspi.Greeter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryTest {

    private final ServiceRegistry registry = new ServiceRegistry();

    private ServiceEntry entry(String id, Map<String, String> attributes) {
        BundleDescriptor.Builder b = BundleDescriptor.builder(id, BundleVersion.parse("1"));
        attributes.forEach(b::attribute);
        Greeter g = n -> id;
        return new ServiceEntry(Greeter.class, g, b.build(), getClass().getClassLoader());
    }

    private SpiServices greeters() {
        return registry.snapshot().services(Greeter.class);
    }

    @Test
    void publishReplacesAnIdInOneStepAndRetiresWhatItReplaced() {
        ServiceEntry v1 = entry("shop", Map.of());
        registry.publish("shop", List.of(v1));
        RegistrySnapshot before = registry.snapshot();
        assertThat(v1.tryEnter()).isTrue();
        v1.exit();

        ServiceEntry v2 = entry("shop", Map.of());
        assertThat(registry.publish("shop", List.of(v2))).containsExactly(v1);
        assertThat(v1.retired()).isTrue();
        assertThat(v1.tryEnter()).as("a retired entry admits no call").isFalse();
        assertThat(v1.inFlight()).isZero();
        assertThat(greeters().byBundleId("shop")).isSameAs(v2);
        assertThat(before.services(Greeter.class).byBundleId("shop")).as("snapshots are immutable").isSameAs(v1);
        assertThat(registry.snapshot().generation()).isGreaterThan(before.generation());

        assertThat(registry.publish("shop", List.of())).containsExactly(v2);
        assertThat(greeters().isEmpty()).isTrue();
        assertThat(registry.snapshot().spis()).isEmpty();
    }

    @Test
    void entriesAreOrderedByBundleIdAndLookupsIndexed() {
        registry.publish("drf-hz-2", List.of(entry("drf-hz-2", Map.of("region", "hz"))));
        registry.publish("drf-hz-1", List.of(entry("drf-hz-1", Map.of("region", "hz"))));
        registry.publish("drf-sh", List.of(entry("drf-sh", Map.of("region", "sh"))));
        assertThat(greeters().all()).extracting(ServiceEntry::bundleId).containsExactly("drf-hz-1", "drf-hz-2", "drf-sh");
        assertThat(greeters().first().bundleId()).isEqualTo("drf-hz-1");
        assertThat(greeters().firstWhoseId(id -> id.startsWith("drf-sh")).bundleId()).isEqualTo("drf-sh");
        assertThat(greeters().firstMatching(List.of(AttributeMatch.string("region", "sh"))).bundleId()).isEqualTo("drf-sh");
        assertThat(greeters().allMatching(List.of(AttributeMatch.string("region", "hz"))))
                .extracting(ServiceEntry::bundleId).containsExactly("drf-hz-1", "drf-hz-2");
    }

    @Test
    void ruleValuesAreTyped() {
        registry.publish("hema", List.of(entry("hema", Map.of("merchant", "hema", "wareHouseId", "2001", "fresh", "TRUE"))));
        registry.publish("rt", List.of(entry("rt", Map.of("merchant", "rt-mart", "wareHouseId", "2001.50"))));
        assertThat(greeters().firstMatching(List.of(AttributeMatch.number("wareHouseId", new BigDecimal("2001")))).bundleId()).isEqualTo("hema");
        assertThat(greeters().firstMatching(List.of(AttributeMatch.number("wareHouseId", new BigDecimal("2001.5")))).bundleId()).isEqualTo("rt");
        assertThat(greeters().firstMatching(List.of(AttributeMatch.of("wareHouseId", 2001))).bundleId()).isEqualTo("hema");
        assertThat(greeters().firstMatching(List.of(AttributeMatch.string("wareHouseId", "2001.0")))).as("strings match text exactly").isNull();
        assertThat(greeters().firstMatching(List.of(AttributeMatch.bool("fresh", true))).bundleId()).isEqualTo("hema");
        assertThat(greeters().firstMatching(List.of(AttributeMatch.string("fresh", "true")))).isNull();
        assertThat(greeters().firstMatching(List.of(AttributeMatch.string("merchant", "hema"), AttributeMatch.of("wareHouseId", 2001L)))
                .bundleId()).isEqualTo("hema");
        assertThat(greeters().firstMatching(List.of(AttributeMatch.string("merchant", "hema"), AttributeMatch.of("wareHouseId", 2002))))
                .isNull();
        assertThat(greeters().firstMatching(List.of(AttributeMatch.string("nosuch", "x")))).isNull();
    }

    @Test
    void aBundlePublishesOneImplementationPerSpi() {
        assertThatThrownBy(() -> registry.publish("x", List.of(entry("x", Map.of()), entry("x", Map.of()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two implementations");
        assertThatThrownBy(() -> registry.publish("y", List.of(entry("x", Map.of()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong to bundle y");
    }
}
