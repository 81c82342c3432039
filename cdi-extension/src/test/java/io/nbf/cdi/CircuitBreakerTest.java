package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testing.CdiBundles;
import io.nbf.tck.spi.Signals;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Active circuit breaking on a response-time baseline, built on Fault Tolerance's error-counting breaker. */
class CircuitBreakerTest extends GuardTestSupport {

    @BeforeEach
    void baseline() {
        for (String b : new String[] {"hema", "hema-2"}) {
            bundleKey(b, "baseline", "100ms");
            bundleKey(b, "breaker.window", "4");
            bundleKey(b, "breaker.failure-ratio", "0.5");
            bundleKey(b, "breaker.delay", "500ms");
        }
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
    }

    private void slowCalls(String bundle, int n) {
        Signals.slow(bundle, 250);
        for (int i = 0; i < n; i++) {
            assertThat(greetVia(bundle)).as("a slow call still answers").isEqualTo(bundle + " x");
        }
    }

    @Test
    void slowCallsOpenTheBreakerAndAHalfOpenProbeClosesIt() {
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        startGuarded(false, ManagementClient.class);
        assertThat(greetVia("hema")).isEqualTo("hema x");
        assertThat(breaker("hema", "1.0")).isZero();

        slowCalls("hema", 3); // the window of 4 now holds 3 slow calls of 4: past the ratio 0.5
        assertThat(breaker("hema", "1.0")).as("open").isEqualTo(1);
        int served = Signals.calls("hema");
        assertThat(greetVia("hema")).as("open: straight to the degradation bundle").isEqualTo("rt-mart x");
        assertThat(Signals.calls("hema")).as("the slow bundle was not called").isEqualTo(served);

        Signals.mode("hema", "ok"); // recovered
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> greetVia("hema").equals("hema x")); // the half-open probe, after the delay
        assertThat(breaker("hema", "1.0")).as("closed").isZero();
        assertThat(greetVia("hema")).isEqualTo("hema x");
    }

    @Test
    void oneBundlesBreakerNeverTripsAnothers() {
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        drop(CdiBundles.controlled("hema-2", "1.0", "rt-mart"), "hema2.jar");
        startGuarded(false, ManagementClient.class);
        assertThat(greetVia("hema-2")).isEqualTo("hema-2 x");
        slowCalls("hema", 4);
        assertThat(breaker("hema", "1.0")).isEqualTo(1);
        assertThat(breaker("hema-2", "1.0")).isZero();
        assertThat(greetVia("hema-2")).isEqualTo("hema-2 x");
    }

    @Test
    void aSwitchedInVersionStartsWithAClosedBreaker() {
        bundleKey("hema", "breaker.delay", "1m"); // 1.0's breaker must stay open through the switch, however slow the machine
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        startGuarded(false, ManagementClient.class);
        slowCalls("hema", 4);
        assertThat(breaker("hema", "1.0")).isEqualTo(1);
        Signals.mode("hema", "ok");
        bean(ManagementClient.class).bundles.deploy(CdiBundles.controlled("hema", "2.0", "rt-mart").build());
        assertThat(greetVia("hema")).as("served by 2.0 at once, though 1.0's breaker is still open").isEqualTo("hema x");
        assertThat(breaker("hema", "2.0")).isZero();
        assertThat(breaker("hema", "1.0")).isEqualTo(1);
    }

    @Test
    void aGuardIsBuiltWhenItsSettingsChangeNotByTheFirstCallAfter() {
        drop(CdiBundles.controlled("shop-b", "1.0", "rt-mart"), "shop-b.jar");
        startGuarded(false, io.nbf.cdi.beans.FieldClient.class, ManagementClient.class);
        assertThat(bean(io.nbf.cdi.beans.FieldClient.class).viaShopB("x")).isEqualTo("shop-b x");
        assertThat(breaker("shop-b", "1.0")).as("no guard yet").isEqualTo(-1);
        bundleKey("shop-b", "baseline", "100ms");
        bean(ManagementClient.class).routes.refresh();
        assertThat(breaker("shop-b", "1.0")).as("built on refresh, before any call").isZero();
        bean(ManagementClient.class).bundles.deploy(CdiBundles.controlled("shop-b", "2.0", "rt-mart").build());
        bundleKey("shop-b", "baseline", "100ms");
        assertThat(breaker("shop-b", "2.0")).as("built on the switch, before any call").isZero();
    }

    @Test
    void errorsOpenTheBreakerToo() {
        bundleKey("hema", "baseline", null);
        bundleKey("hema", "breaker", "true");
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        startGuarded(false, ManagementClient.class);
        Signals.mode("hema", "throw");
        for (int i = 0; i < 4; i++) {
            assertThat(greetVia("hema")).isEqualTo("rt-mart x");
        }
        assertThat(breaker("hema", "1.0")).isEqualTo(1);
        int called = Signals.calls("hema");
        greetVia("hema");
        assertThat(Signals.calls("hema")).isEqualTo(called);
    }
}
