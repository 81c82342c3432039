package io.nbf.cdi;

import io.nbf.api.DynamicInvoker;
import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testhost.Knobs;
import io.nbf.cdi.testing.TestConfig;
import io.nbf.modules.testspi.Greeter;
import org.junit.jupiter.api.BeforeEach;

/** Guarded hosts: keys for the test SPI and bundles, and calls by bundle id. */
abstract class GuardTestSupport extends CdiTestSupport {

    static final String SPI = "io.nbf.modules.testspi.Greeter";

    @BeforeEach
    void resetKnobs() {
        Knobs.reset();
    }

    static void spiKey(String key, String value) {
        TestConfig.set("nbf.guard.\"" + SPI + "\"." + key, value);
    }

    static void bundleKey(String bundle, String key, String value) {
        TestConfig.set("nbf.bundle.\"" + bundle + "\"." + key, value);
    }

    DynamicInvoker<Greeter> greeters() {
        return bean(ManagementClient.class).broker.invoker(Greeter.class);
    }

    String greetVia(String bundle) {
        return greeters().getService(bundle).greet("x");
    }

    NbfContainer nbf() {
        return bean(NbfContainer.class);
    }

    int breaker(String bundle, String version) {
        return nbf().runtime().guards().breakerState(Greeter.class, bundle, version);
    }
}
