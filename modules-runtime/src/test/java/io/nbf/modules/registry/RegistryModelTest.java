package io.nbf.modules.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbf.modules.descriptor.BundleDescriptor;
import io.nbf.modules.descriptor.BundleVersion;
import io.nbf.modules.testspi.Greeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The registry's incremental indexes against a plain model: thousands of random installs, switches and
 * removals, after each of which every lookup must answer what a scan of the model answers.
 */
class RegistryModelTest {

    private static final String[] MERCHANTS = {"hema", "rt-mart", "sams"};

    @Test
    void incrementalIndexesAgreeWithAScan() {
        Random random = new Random(20261126);
        ServiceRegistry registry = new ServiceRegistry();
        Map<String, ServiceEntry> model = new TreeMap<>();
        for (int step = 0; step < 3000; step++) {
            String id = "b-" + random.nextInt(60);
            if (random.nextInt(4) == 0) {
                registry.publish(id, List.of());
                model.remove(id);
            } else {
                BundleDescriptor.Builder d = BundleDescriptor.builder(id, BundleVersion.parse("1." + step))
                        .attribute("merchant", MERCHANTS[random.nextInt(MERCHANTS.length)])
                        .attribute("wareHouseId", Integer.toString(2000 + random.nextInt(5)));
                if (random.nextBoolean()) {
                    d.attribute("fresh", random.nextBoolean() ? "true" : "FALSE");
                }
                Greeter g = n -> id;
                ServiceEntry e = new ServiceEntry(Greeter.class, g, d.build(), getClass().getClassLoader());
                registry.publish(id, List.of(e));
                model.put(id, e);
            }
            check(registry.snapshot().services(Greeter.class), model, random);
        }
    }

    private static void check(SpiServices services, Map<String, ServiceEntry> model, Random random) {
        assertThat(services.all()).containsExactlyElementsOf(model.values());
        for (String id : new String[] {"b-" + random.nextInt(60), "b-" + random.nextInt(60), "nope"}) {
            assertThat(services.byBundleId(id)).isSameAs(model.get(id));
        }
        List<AttributeMatch> rule = new ArrayList<>();
        rule.add(AttributeMatch.string("merchant", MERCHANTS[random.nextInt(MERCHANTS.length)]));
        if (random.nextBoolean()) {
            rule.add(AttributeMatch.of("wareHouseId", 2000 + random.nextInt(5)));
        }
        if (random.nextInt(3) == 0) {
            rule.add(AttributeMatch.bool("fresh", random.nextBoolean()));
        }
        List<ServiceEntry> expected = model.values().stream().filter(e -> rule.stream().allMatch(c -> matches(e, c)))
                .collect(Collectors.toList());
        assertThat(services.allMatching(rule)).containsExactlyElementsOf(expected);
        assertThat(services.firstMatching(rule)).isSameAs(expected.isEmpty() ? null : expected.get(0));
    }

    private static boolean matches(ServiceEntry e, AttributeMatch c) {
        String value = e.bundle().attributes().get(c.key());
        return value != null && List.of(AttributeMatch.tokens(value)).contains(c.token());
    }
}
