package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testing.CdiBundles;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.modules.testspi.Greeter;
import io.nbf.tck.spi.Signals;
import java.lang.ref.WeakReference;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bundle that served calls is collected once uninstalled: no call site's cache (an invoker's proxies cache the
 * registry snapshot they resolved against) and nothing the guard keeps for a bundle that degraded to it (its fallback
 * route, the metrics, the span attributes) holds its class loader.
 */
class DegradationLeakTest extends GuardTestSupport {

    @org.junit.jupiter.api.Test
    void anUninstalledBundleCalledThroughAnInvokerIsCollected() {
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        startGuarded(false, ManagementClient.class);
        WeakReference<ClassLoader> loader = loader();
        assertThat(greetVia("rt-mart")).isEqualTo("rt-mart x"); // the invoker's proxy caches what its route resolved to
        bean(ManagementClient.class).bundles.uninstall("rt-mart", "1.0");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            System.gc();
            return loader.get() == null;
        });
    }

    private WeakReference<ClassLoader> loader() {
        ServiceEntry rtMart = nbf().runtime().engine().registry().snapshot().services(Greeter.class).all().stream()
                .filter(e -> e.bundleId().equals("rt-mart")).findFirst().orElseThrow();
        return new WeakReference<>(rtMart.instance().getClass().getClassLoader());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anUninstalledDegradationBundleIsCollected(boolean telemetry) {
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        bundleKey("hema", "breaker", "true");
        startGuarded(telemetry, ManagementClient.class);
        Signals.mode("hema", "throw");
        assertThat(greetVia("hema")).isEqualTo("rt-mart x");
        WeakReference<ClassLoader> loader = loader();
        bean(ManagementClient.class).bundles.uninstall("rt-mart", "1.0");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            System.gc();
            return loader.get() == null;
        });
    }
}
