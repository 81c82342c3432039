package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.api.CallRefusedException;
import io.nbf.api.NbfException;
import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testing.CdiBundles;
import io.nbf.tck.spi.Signals;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * What a caller catches when the guard refuses a call and no degradation bundle takes it: an
 * {@link NbfException} naming the call and the reason, never a Fault Tolerance exception.
 */
class CallRefusedTest extends GuardTestSupport {

    @Test
    void aTimeoutWithNoDegradationIsACallRefusedException() {
        drop(CdiBundles.controlled("solo", "1.0", null), "solo.jar");
        bundleKey("solo", "timeout", "100ms");
        startGuarded(false, ManagementClient.class);
        Signals.slow("solo", 3000);
        assertThatThrownBy(() -> greetVia("solo"))
                .isInstanceOf(NbfException.class)
                .isInstanceOfSatisfying(CallRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CallRefusedException.Reason.TIMEOUT);
                    assertThat(e.spi()).isEqualTo(SPI);
                    assertThat(e.bundleId()).isEqualTo("solo");
                    assertThat(e.version()).isEqualTo("1.0");
                })
                .hasMessage("NBF2515: the guard of " + SPI + " refused the call of greet on bundle solo:1.0: it ran past its"
                        + " timeout of 100 ms; configure a degradation bundle (nbf.bundle.\"solo\".degradation) to serve such calls")
                .hasCauseInstanceOf(TimeoutException.class);
        Thread.interrupted(); // the interrupted bundle restored the flag on this thread
    }

    @Test
    void aReachedRateLimitIsARefusal() {
        drop(CdiBundles.controlled("solo", "1.0", null), "solo.jar");
        bundleKey("solo", "rate-limit", "1");
        bundleKey("solo", "rate-limit.window", "1m");
        startGuarded(false, ManagementClient.class);
        assertThat(greetVia("solo")).isEqualTo("solo x");
        assertThatThrownBy(() -> greetVia("solo")).isInstanceOfSatisfying(CallRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(CallRefusedException.Reason.RATE_LIMITED))
                .hasMessageContaining("its rate limit of 1 calls per 60000 ms was reached");
    }

    @Test
    void anOpenBreakerIsARefusal() {
        drop(CdiBundles.controlled("solo", "1.0", null), "solo.jar");
        bundleKey("solo", "breaker.window", "2");
        bundleKey("solo", "breaker.delay", "1m");
        startGuarded(false, ManagementClient.class);
        Signals.mode("solo", "throw");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> greetVia("solo")).as("the bundle's own error").isExactlyInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> greetVia("solo")).isInstanceOfSatisfying(CallRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(CallRefusedException.Reason.BREAKER_OPEN))
                .hasMessageContaining("its circuit breaker is open")
                .hasCauseInstanceOf(CircuitBreakerOpenException.class);
    }

    @Test
    void aRefusalWithALiveDegradationBundleDegrades() {
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        bundleKey("hema", "rate-limit", "1");
        bundleKey("hema", "rate-limit.window", "1m");
        startGuarded(false, ManagementClient.class);
        assertThat(greetVia("hema")).isEqualTo("hema x");
        assertThat(greetVia("hema")).isEqualTo("rt-mart x");
    }
}
