package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.api.ServiceNotFoundException;
import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testing.CdiBundles;
import io.nbf.tck.spi.Signals;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Passive degradation: timeout, exception; and what does not degrade. Service not found degrading to the
 * SPI's degradation bundle is the TCK's ({@code GuardTck.serviceNotFoundDegradesToTheSpisDegradationBundle}).
 */
class DegradationTest extends GuardTestSupport {

    @Test
    void anExceptionSendsTheSameCallToTheDeclaredDegradationBundle() {
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        startGuarded(false, ManagementClient.class);
        assertThat(greetVia("hema")).isEqualTo("hema x");
        Signals.mode("hema", "throw");
        assertThat(greeters().getService("hema").greet("Ann")).as("same method, same arguments").isEqualTo("rt-mart Ann");
        assertThat(Signals.calls("hema")).isEqualTo(2);
    }

    @Test
    void aTimeoutDegrades() {
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        bundleKey("hema", "timeout", "100ms");
        startGuarded(false, ManagementClient.class);
        Signals.slow("hema", 3000);
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
        Signals.mode("solo", "throw");
        assertThatThrownBy(() -> greetVia("solo")).isExactlyInstanceOf(IllegalStateException.class).hasMessage("solo failed");
        assertThatThrownBy(() -> greetVia("nobody")).isInstanceOf(ServiceNotFoundException.class);
    }

    @Test
    void aDegradationBundleThatIsNotLiveLeavesTheOriginalError() {
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        startGuarded(false, ManagementClient.class);
        Signals.mode("hema", "throw");
        assertThatThrownBy(() -> greetVia("hema")).isExactlyInstanceOf(IllegalStateException.class).hasMessage("hema failed");
    }

    @Test
    void businessExceptionsInSkipOnReachTheCaller() {
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        spiKey("skip-on", "ctl.hema.v1_0.OutOfStockException");
        startGuarded(false, ManagementClient.class);
        Signals.mode("hema", "business");
        assertThatThrownBy(() -> greetVia("hema")).hasMessage("hema is out of stock")
                .extracting(t -> t.getClass().getName()).isEqualTo("ctl.hema.v1_0.OutOfStockException");
        Signals.mode("hema", "throw");
        assertThat(greetVia("hema")).isEqualTo("rt-mart x");
    }

    @Test
    void degradeOnNarrowsWhatDegrades() {
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        bundleKey("hema", "degrade-on", "java.lang.IllegalStateException");
        startGuarded(false, ManagementClient.class);
        Signals.mode("hema", "business");
        assertThatThrownBy(() -> greetVia("hema")).hasMessage("hema is out of stock");
        Signals.mode("hema", "throw");
        assertThat(greetVia("hema")).isEqualTo("rt-mart x");
    }

    @Test
    void configurationOverridesTheDeclaredDegradationBundle() {
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        drop(CdiBundles.controlled("sams", "1.0", null), "sams.jar");
        bundleKey("hema", "degradation", "sams");
        startGuarded(false, ManagementClient.class);
        Signals.mode("hema", "throw");
        assertThat(greetVia("hema")).isEqualTo("sams x");
    }
}
