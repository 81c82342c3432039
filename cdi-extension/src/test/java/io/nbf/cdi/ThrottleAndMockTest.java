package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testing.CdiBundles;
import io.nbf.tck.spi.Signals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The weighted split, the rate limit, and mock routing. */
class ThrottleAndMockTest extends GuardTestSupport {

    @BeforeEach
    void bundles() {
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        drop(CdiBundles.controlled("mock-hema", "1.0", null), "mock.jar");
    }

    @Test
    void anEightyTwentySplitWithinFourStandardDeviations() {
        bundleKey("hema", "throttle.degrade-percent", "20");
        startGuarded(false, ManagementClient.class);
        int n = 4000;
        int degraded = 0;
        for (int i = 0; i < n; i++) {
            if (greetVia("hema").startsWith("rt-mart")) {
                degraded++;
            }
        }
        // binomial: mean 800, standard deviation sqrt(4000 * 0.2 * 0.8) = 25.3
        assertThat(degraded).isBetween(800 - 101, 800 + 101);
        assertThat(Signals.calls("hema")).isEqualTo(n - degraded);
    }

    @Test
    void pastTheRateLimitCallsGoToTheDegradationBundle() {
        bundleKey("hema", "rate-limit", "10");
        bundleKey("hema", "rate-limit.window", "1m");
        startGuarded(false, ManagementClient.class);
        int served = 0;
        for (int i = 0; i < 30; i++) {
            if (greetVia("hema").startsWith("hema")) {
                served++;
            }
        }
        assertThat(served).isEqualTo(10);
        assertThat(Signals.calls("rt-mart")).isEqualTo(20);
    }

    @Test
    void forceMockSendsEveryCallToTheMockBundle() {
        spiKey("mock", "force:mock-hema");
        startGuarded(false, ManagementClient.class);
        assertThat(greetVia("hema")).isEqualTo("mock-hema x");
        assertThat(greetVia("nobody")).as("even where nothing would serve").isEqualTo("mock-hema x");
        assertThat(Signals.calls("hema")).isZero();
    }

    @Test
    void failMockSendsOnlyFailedCallsToTheMockBundle() {
        bundleKey("hema", "mock", "fail:mock-hema");
        startGuarded(false, ManagementClient.class);
        assertThat(greetVia("hema")).isEqualTo("hema x");
        Signals.mode("hema", "throw");
        assertThat(greetVia("hema")).as("the mock, not the degradation bundle").isEqualTo("mock-hema x");
        assertThat(Signals.calls("rt-mart")).isZero();
    }
}
