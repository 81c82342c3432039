package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nbf.api.management.RouteManager;
import io.nbf.cdi.beans.FieldClient;
import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testing.CdiBundles;
import io.nbf.modules.testspi.Greeter;
import io.nbf.tck.config.TckConfigSource;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Routes overridden through MicroProfile Config, changed at runtime, and bad changes rejected. */
class ConfigRoutesTest extends CdiTestSupport {

    /** What every rejected change's message starts with (the same text is logged as NBF2002). */
    static final String REJECTED = "NBF2516: nbf rejected a configuration change, the last good settings keep serving: ";


    private static final String PATTERN = "nbf.routes.\"io.nbf.modules.testspi.Greeter\".pattern";
    private static final String TYPE = "nbf.routes.\"io.nbf.modules.testspi.Greeter\".type";

    @BeforeEach
    void bundles() {
        drop(CdiBundles.greeter("drf-hz-1", "1.0", "HZ1"), "hz1.jar");
        drop(CdiBundles.greeter("drf-sh-1", "1.0", "SH1").attribute("city", "shanghai"), "sh1.jar");
        drop(CdiBundles.greeter("shop-b", "1.0", "B"), "b.jar");
    }

    private RouteManager routes() {
        return bean(ManagementClient.class).routes;
    }

    @Test
    void aConfiguredRouteOverridesEveryInjectionPointOfTheSpi() {
        TckConfigSource.set(PATTERN, "^drf-sh.*$");
        TckConfigSource.set(TYPE, "REG");
        start(FieldClient.class, ManagementClient.class);
        FieldClient client = bean(FieldClient.class);
        assertThat(client.viaDefault("x")).isEqualTo("SH1 x");
        assertThat(client.viaShopB("x")).as("overrides the annotation's pattern too").isEqualTo("SH1 x");
        assertThat(bean(ManagementClient.class).broker.get(Greeter.class).greet("x")).isEqualTo("SH1 x");
        assertThat(routes().overrides()).containsExactly(Map.entry(Greeter.class.getName(), "REG ^drf-sh.*$"));
        assertThat(routes().explain(Greeter.class)).contains("drf-sh-1");
    }

    @Test
    void aChangeTakesEffectWithinTheRefreshIntervalAndRefreshAppliesItAtOnce() {
        start(FieldClient.class, ManagementClient.class);
        FieldClient client = bean(FieldClient.class);
        assertThat(client.viaShopB("x")).isEqualTo("B x");

        TckConfigSource.set(PATTERN, "{\"city\":\"shanghai\"}");
        TckConfigSource.set(TYPE, "RULE");
        await().atMost(Duration.ofSeconds(5)).until(() -> client.viaShopB("x").equals("SH1 x")); // refresh interval 100ms

        TckConfigSource.set(PATTERN, "drf-hz-1");
        TckConfigSource.set(TYPE, null); // ID is the default type
        routes().refresh();
        assertThat(client.viaShopB("x")).as("refresh() applies at once").isEqualTo("HZ1 x");

        TckConfigSource.set(PATTERN, null);
        routes().refresh();
        assertThat(client.viaShopB("x")).as("no override: the annotation's route again").isEqualTo("B x");
        assertThat(routes().overrides()).isEmpty();
    }

    @Test
    void anInvalidChangeIsRejectedNamingTheKeyAndTheLastGoodRoutesKeepServing() {
        TckConfigSource.set(PATTERN, "drf-hz-1");
        start(FieldClient.class, ManagementClient.class);
        FieldClient client = bean(FieldClient.class);
        assertThat(client.viaShopB("x")).isEqualTo("HZ1 x");

        TckConfigSource.set(PATTERN, "drf-(hz");
        TckConfigSource.set(TYPE, "REG");
        assertThatThrownBy(() -> routes().refresh()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(REJECTED + PATTERN + ": REG pattern 'drf-(hz' is not a regular expression");
        assertThat(client.viaShopB("x")).isEqualTo("HZ1 x");

        TckConfigSource.set(TYPE, "REGEX");
        assertThatThrownBy(() -> routes().refresh()).hasMessage(REJECTED + TYPE + ": 'REGEX' is not a route type; use ID, REG or RULE");
        TckConfigSource.set(TYPE, "RULE");
        assertThatThrownBy(() -> routes().refresh()).hasMessageContaining(PATTERN + ": RULE pattern drf-(hz is not valid JSON");
        assertThat(client.viaShopB("x")).isEqualTo("HZ1 x");

        TckConfigSource.set(PATTERN, "drf-sh-1");
        TckConfigSource.set(TYPE, "id");
        routes().refresh();
        assertThat(client.viaShopB("x")).as("a valid change applies again").isEqualTo("SH1 x");
    }

    @Test
    void anInvalidConfigurationAtStartIsADeploymentProblem() {
        TckConfigSource.set(PATTERN, "{\"city\":");
        TckConfigSource.set(TYPE, "RULE");
        assertThatThrownBy(() -> start(FieldClient.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("nbf configuration: " + PATTERN + ": RULE pattern {\"city\": is not valid JSON");
    }

    @Test
    void aTypeWithoutAPatternIsRejected() {
        TckConfigSource.set(TYPE, "REG");
        assertThatThrownBy(() -> start(FieldClient.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining(TYPE + " is set but " + PATTERN + " is not");
    }

    @Test
    void badStaticSettingsAreDeploymentProblemsToo() {
        var weld = io.nbf.cdi.testing.NbfWeld.weld(bundles, FieldClient.class);
        TckConfigSource.set("nbf.hook-timeout", "soon");
        assertThatThrownBy(() -> container = weld.initialize())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("nbf configuration: nbf.hook-timeout: 'soon' is not a duration; write e.g. 100ms, 5s, 2m or PT5S");
    }
}
