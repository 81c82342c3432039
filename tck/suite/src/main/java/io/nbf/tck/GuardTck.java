package io.nbf.tck;

import static io.nbf.tck.support.Tck.bundleKey;
import static io.nbf.tck.support.Tck.spiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nbf.tck.config.TckConfigSource;
import io.nbf.tck.spi.Signals;
import io.nbf.tck.support.BundleArchives;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The bundle proxy: each degradation trigger, circuit breaking on a response-time baseline and
 * recovery, the throttle split, the rate limit, mock routing.
 */
public class GuardTck extends TckTest {

    @Deployment
    public static WebArchive deployment() {
        return deployment(GuardTck.class);
    }

    private void bundles() {
        deploy(BundleArchives.price("hema-fresh", "1.0").degradation("rt-mart"));
        deploy(BundleArchives.price("rt-mart", "1.0"));
    }

    @Test
    void anExceptionDegradesToTheDegradationBundle() {
        clean();
        bundles();
        Signals.mode("hema-fresh", "throw");
        assertThat(quoteVia("hema-fresh")).isEqualTo("rt-mart:1.0:sku");
    }

    @Test
    void serviceNotFoundDegradesToTheSpisDegradationBundle() {
        clean();
        bundles();
        set(spiKey("degradation"), "rt-mart");
        assertThat(quoteVia("nobody")).isEqualTo("rt-mart:1.0:sku");
    }

    @Test
    void aTimeoutDegrades() {
        clean();
        bundles();
        set(bundleKey("hema-fresh", "timeout"), "100ms");
        Signals.slow("hema-fresh", 3000);
        assertThat(quoteVia("hema-fresh")).isEqualTo("rt-mart:1.0:sku");
        Thread.interrupted();
    }

    @Test
    void withoutADegradationBundleTheOriginalErrorReachesTheCaller() {
        clean();
        bundles();
        deploy(BundleArchives.price("solo", "1.0"));
        Signals.mode("solo", "throw");
        assertThatThrownBy(() -> quoteVia("solo")).isExactlyInstanceOf(IllegalStateException.class).hasMessage("solo failed");
    }

    @Test
    void slowCallsPastTheBaselineOpenTheBreakerAndAProbeClosesIt() {
        clean();
        bundles();
        TckConfigSource.set(bundleKey("hema-fresh", "baseline"), "100ms");
        TckConfigSource.set(bundleKey("hema-fresh", "breaker.window"), "4");
        TckConfigSource.set(bundleKey("hema-fresh", "breaker.failure-ratio"), "0.5");
        set(bundleKey("hema-fresh", "breaker.delay"), "500ms");
        Signals.slow("hema-fresh", 250);
        for (int i = 0; i < 4; i++) {
            assertThat(quoteVia("hema-fresh")).as("slow, but served").isEqualTo("hema-fresh:1.0:sku");
        }
        int served = Signals.calls("hema-fresh");
        assertThat(quoteVia("hema-fresh")).as("open").isEqualTo("rt-mart:1.0:sku");
        assertThat(Signals.calls("hema-fresh")).isEqualTo(served);

        Signals.mode("hema-fresh", "ok");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> quoteVia("hema-fresh").equals("hema-fresh:1.0:sku"));
        assertThat(quoteVia("hema-fresh")).isEqualTo("hema-fresh:1.0:sku");
    }

    @Test
    void aWeightedSplitSendsItsShareToTheDegradationBundle() {
        clean();
        bundles();
        set(bundleKey("hema-fresh", "throttle.degrade-percent"), "20");
        int n = 2000;
        int degraded = 0;
        for (int i = 0; i < n; i++) {
            if (quoteVia("hema-fresh").startsWith("rt-mart")) {
                degraded++;
            }
        }
        // binomial mean 400, standard deviation 17.9: four of them either side
        assertThat(degraded).isBetween(400 - 72, 400 + 72);
    }

    @Test
    void pastTheRateLimitCallsDegrade() {
        clean();
        bundles();
        TckConfigSource.set(bundleKey("hema-fresh", "rate-limit.window"), "1m");
        set(bundleKey("hema-fresh", "rate-limit"), "5");
        int served = 0;
        for (int i = 0; i < 15; i++) {
            if (quoteVia("hema-fresh").startsWith("hema-fresh")) {
                served++;
            }
        }
        assertThat(served).isEqualTo(5);
    }

    @Test
    void mockForceAndFail() {
        clean();
        bundles();
        deploy(BundleArchives.price("mock-shop", "1.0"));
        set(spiKey("mock"), "force:mock-shop");
        assertThat(quoteVia("hema-fresh")).isEqualTo("mock-shop:1.0:sku");
        assertThat(Signals.calls("hema-fresh")).isZero();

        TckConfigSource.set(spiKey("mock"), null);
        set(bundleKey("hema-fresh", "mock"), "fail:mock-shop");
        assertThat(quoteVia("hema-fresh")).isEqualTo("hema-fresh:1.0:sku");
        Signals.mode("hema-fresh", "throw");
        assertThat(quoteVia("hema-fresh")).isEqualTo("mock-shop:1.0:sku");
    }
}
