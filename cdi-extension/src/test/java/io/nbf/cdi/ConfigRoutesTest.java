package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nbf.api.management.RouteManager;
import io.nbf.cdi.beans.FieldClient;
import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testing.CdiBundles;
import io.nbf.cdi.testing.TestConfig;
import io.nbf.modules.testspi.Greeter;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Routes overridden through MicroProfile Config, changed at runtime, and bad changes rejected. */
class ConfigRoutesTest extends CdiTestSupport {

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
        TestConfig.set(PATTERN, "^drf-sh.*$");
        TestConfig.set(TYPE, "REG");
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

        TestConfig.set(PATTERN, "{\"city\":\"shanghai\"}");
        TestConfig.set(TYPE, "RULE");
        await().atMost(Duration.ofSeconds(5)).until(() -> client.viaShopB("x").equals("SH1 x")); // refresh interval 100ms

        TestConfig.set(PATTERN, "drf-hz-1");
        TestConfig.set(TYPE, null); // ID is the default type
        routes().refresh();
        assertThat(client.viaShopB("x")).as("refresh() applies at once").isEqualTo("HZ1 x");

        TestConfig.set(PATTERN, null);
        routes().refresh();
        assertThat(client.viaShopB("x")).as("no override: the annotation's route again").isEqualTo("B x");
        assertThat(routes().overrides()).isEmpty();
    }

    @Test
    void anInvalidChangeIsRejectedNamingTheKeyAndTheLastGoodRoutesKeepServing() {
        TestConfig.set(PATTERN, "drf-hz-1");
        start(FieldClient.class, ManagementClient.class);
        FieldClient client = bean(FieldClient.class);
        assertThat(client.viaShopB("x")).isEqualTo("HZ1 x");

        TestConfig.set(PATTERN, "drf-(hz");
        TestConfig.set(TYPE, "REG");
        assertThatThrownBy(() -> routes().refresh()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(PATTERN + ": REG pattern 'drf-(hz' is not a regular expression");
        assertThat(client.viaShopB("x")).isEqualTo("HZ1 x");

        TestConfig.set(TYPE, "REGEX");
        assertThatThrownBy(() -> routes().refresh()).hasMessage(TYPE + ": 'REGEX' is not a route type; use ID, REG or RULE");
        TestConfig.set(TYPE, "RULE");
        assertThatThrownBy(() -> routes().refresh()).hasMessageContaining(PATTERN + ": RULE pattern drf-(hz is not valid JSON");
        assertThat(client.viaShopB("x")).isEqualTo("HZ1 x");

        TestConfig.set(PATTERN, "drf-sh-1");
        TestConfig.set(TYPE, "id");
        routes().refresh();
        assertThat(client.viaShopB("x")).as("a valid change applies again").isEqualTo("SH1 x");
    }

    @Test
    void anInvalidConfigurationAtStartIsADeploymentProblem() {
        TestConfig.set(PATTERN, "{\"city\":");
        TestConfig.set(TYPE, "RULE");
        assertThatThrownBy(() -> start(FieldClient.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("nbf configuration: " + PATTERN + ": RULE pattern {\"city\": is not valid JSON");
    }

    @Test
    void aTypeWithoutAPatternIsRejected() {
        TestConfig.set(TYPE, "REG");
        assertThatThrownBy(() -> start(FieldClient.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining(TYPE + " is set but " + PATTERN + " is not");
    }

    @Test
    void badStaticSettingsAreDeploymentProblemsToo() {
        var weld = io.nbf.cdi.testing.NbfWeld.weld(bundles, FieldClient.class);
        TestConfig.set("nbf.hook-timeout", "soon");
        assertThatThrownBy(() -> container = weld.initialize())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("nbf configuration: nbf.hook-timeout: 'soon' is not a duration; write e.g. 100ms, 5s, 2m or PT5S");
    }
}
