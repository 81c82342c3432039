package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.api.management.RouteManager;
import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testing.CdiBundles;
import io.nbf.tck.spi.Signals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every guard key changes at runtime; a bad value is rejected naming its key, and the last good settings serve. */
class GuardConfigChangeTest extends GuardTestSupport {

    @BeforeEach
    void bundles() {
        drop(CdiBundles.controlled("hema", "1.0", null), "hema.jar");
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        drop(CdiBundles.controlled("mock-hema", "1.0", null), "mock.jar");
    }

    private RouteManager routes() {
        return bean(ManagementClient.class).routes;
    }

    @Test
    void eachSettingChangesAtRuntime() {
        startGuarded(false, ManagementClient.class);
        Signals.mode("hema", "throw");
        assertThatThrownBy(() -> greetVia("hema")).hasMessage("hema failed");

        bundleKey("hema", "degradation", "rt-mart");
        routes().refresh();
        assertThat(greetVia("hema")).as("degradation").isEqualTo("rt-mart x");

        bundleKey("hema", "skip-on", "java.lang.IllegalStateException");
        routes().refresh();
        assertThatThrownBy(() -> greetVia("hema")).as("skip-on").hasMessage("hema failed");

        bundleKey("hema", "skip-on", null);
        bundleKey("hema", "degrade-on", "java.io.IOException");
        routes().refresh();
        assertThatThrownBy(() -> greetVia("hema")).as("degrade-on").hasMessage("hema failed");
        bundleKey("hema", "degrade-on", null);

        Signals.slow("hema", 2000);
        bundleKey("hema", "timeout", "50ms");
        routes().refresh();
        assertThat(greetVia("hema")).as("timeout").isEqualTo("rt-mart x");
        Thread.interrupted();
        bundleKey("hema", "timeout", null);

        Signals.mode("hema", "ok");
        bundleKey("hema", "throttle.degrade-percent", "100");
        routes().refresh();
        assertThat(greetVia("hema")).as("split").isEqualTo("rt-mart x");
        bundleKey("hema", "throttle.degrade-percent", null);

        bundleKey("hema", "rate-limit", "1");
        bundleKey("hema", "rate-limit.window", "1m");
        routes().refresh();
        assertThat(greetVia("hema")).isEqualTo("hema x");
        assertThat(greetVia("hema")).as("rate limit").isEqualTo("rt-mart x");
        bundleKey("hema", "rate-limit", null);
        bundleKey("hema", "rate-limit.window", null);

        spiKey("mock", "force:mock-hema");
        routes().refresh();
        assertThat(greetVia("hema")).as("mock").isEqualTo("mock-hema x");
        spiKey("mock", null);
        routes().refresh();
        assertThat(greetVia("hema")).isEqualTo("hema x");
    }

    @Test
    void badValuesAreRejectedNamingTheKeyAndTheLastGoodSettingsServe() {
        bundleKey("hema", "degradation", "rt-mart");
        startGuarded(false, ManagementClient.class);
        Signals.mode("hema", "throw");
        assertThat(greetVia("hema")).isEqualTo("rt-mart x");

        String[][] bad = {
            {"baseline", "fast", "nbf.bundle.\"hema\".baseline: 'fast' is not a duration"},
            {"breaker.failure-ratio", "2", "nbf.bundle.\"hema\".breaker.failure-ratio: '2' is not a ratio above 0 and at most 1"},
            {"breaker.window", "0", "nbf.bundle.\"hema\".breaker.window: '0' is not a whole number from 1 to 100000"},
            {"throttle.degrade-percent", "120", "nbf.bundle.\"hema\".throttle.degrade-percent: '120' is not a whole number from 0 to 100"},
            {"mock", "always:mock-hema", "nbf.bundle.\"hema\".mock: 'always:mock-hema' is not a mock route; write force:<bundle-id> or fail:<bundle-id>"},
            {"degradation", "rt mart", "nbf.bundle.\"hema\".degradation: 'rt mart' is not a bundle id"},
            {"skip-on", "not a class", "nbf.bundle.\"hema\".skip-on: 'not a class' is not a class name"},
            {"breaker", "yes", "nbf.bundle.\"hema\".breaker: 'yes' is not true or false"},
        };
        for (String[] b : bad) {
            bundleKey("hema", b[0], b[1]);
            assertThatThrownBy(() -> routes().refresh()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(ConfigRoutesTest.REJECTED + b[2]);
            assertThat(greetVia("hema")).as("last good settings after " + b[0]).isEqualTo("rt-mart x");
            bundleKey("hema", b[0], b[0].equals("degradation") ? "rt-mart" : null);
        }
        routes().refresh();
        assertThat(greetVia("hema")).isEqualTo("rt-mart x");
    }
}
