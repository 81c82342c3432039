package io.nbf.cdi;

import io.nbf.api.DynamicInvoker;
import io.nbf.cdi.beans.ManagementClient;
import io.nbf.modules.testspi.Greeter;
import io.nbf.tck.config.TckConfigSource;

/** Guarded hosts: keys for the test SPI and bundles, and calls by bundle id. */
abstract class GuardTestSupport extends CdiTestSupport {

    static final String SPI = "io.nbf.modules.testspi.Greeter";

    static void spiKey(String key, String value) {
        TckConfigSource.set("nbf.guard.\"" + SPI + "\"." + key, value);
    }

    static void bundleKey(String bundle, String key, String value) {
        TckConfigSource.set("nbf.bundle.\"" + bundle + "\"." + key, value);
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
