package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.api.ServiceNotFoundException;
import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testhost.Knobs;
import io.nbf.cdi.testing.CdiBundles;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Passive degradation: service not found, timeout, exception; and what does not degrade. */
class DegradationTest extends GuardTestSupport {

    @Test
    void anExceptionSendsTheSameCallToTheDeclaredDegradationBundle() {
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        startGuarded(false, ManagementClient.class);
        assertThat(greetVia("hema")).isEqualTo("hema x");
        Knobs.set("hema", "throw");
        assertThat(greeters().getService("hema").greet("Ann")).as("same method, same arguments").isEqualTo("rt-mart Ann");
        assertThat(Knobs.calls("hema")).isEqualTo(2);
    }

    @Test
    void serviceNotFoundDegradesToTheSpisDegradationBundle() {
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        spiKey("degradation", "rt-mart");
        startGuarded(false, ManagementClient.class);
        assertThat(greetVia("nobody")).isEqualTo("rt-mart x");
    }

    @Test
    void aTimeoutDegrades() {
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        bundleKey("hema", "timeout", "100ms");
        startGuarded(false, ManagementClient.class);
        Knobs.slow("hema", 3000);
        long t0 = System.nanoTime();
        assertThat(greetVia("hema")).isEqualTo("rt-mart x");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(2500));
        Thread.interrupted(); // the interrupted bundle restored the flag on this thread
    }

    @Test
    void withoutADegradationBundleTheOriginalErrorReachesTheCaller() {
        drop(CdiBundles.controlled("solo", "1.0", null), "solo.jar");
        bundleKey("solo", "breaker", "true");
        startGuarded(false, ManagementClient.class);
        Knobs.set("solo", "throw");
        assertThatThrownBy(() -> greetVia("solo")).isExactlyInstanceOf(IllegalStateException.class).hasMessage("solo failed");
        assertThatThrownBy(() -> greetVia("nobody")).isInstanceOf(ServiceNotFoundException.class);
    }

    @Test
    void aDegradationBundleThatIsNotLiveLeavesTheOriginalError() {
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        startGuarded(false, ManagementClient.class);
        Knobs.set("hema", "throw");
        assertThatThrownBy(() -> greetVia("hema")).isExactlyInstanceOf(IllegalStateException.class).hasMessage("hema failed");
    }

    @Test
    void businessExceptionsInSkipOnReachTheCaller() {
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        spiKey("skip-on", "ctl.hema.v1_0.OutOfStockException");
        startGuarded(false, ManagementClient.class);
        Knobs.set("hema", "business");
        assertThatThrownBy(() -> greetVia("hema")).hasMessage("hema is out of stock")
                .extracting(t -> t.getClass().getName()).isEqualTo("ctl.hema.v1_0.OutOfStockException");
        Knobs.set("hema", "throw");
        assertThat(greetVia("hema")).isEqualTo("rt-mart x");
    }

    @Test
    void degradeOnNarrowsWhatDegrades() {
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        bundleKey("hema", "degrade-on", "java.lang.IllegalStateException");
        startGuarded(false, ManagementClient.class);
        Knobs.set("hema", "business");
        assertThatThrownBy(() -> greetVia("hema")).hasMessage("hema is out of stock");
        Knobs.set("hema", "throw");
        assertThat(greetVia("hema")).isEqualTo("rt-mart x");
    }

    @Test
    void configurationOverridesTheDeclaredDegradationBundle() {
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        drop(CdiBundles.controlled("sams", "1.0", null), "sams.jar");
        bundleKey("hema", "degradation", "sams");
        startGuarded(false, ManagementClient.class);
        Knobs.set("hema", "throw");
        assertThat(greetVia("hema")).isEqualTo("sams x");
    }
}
