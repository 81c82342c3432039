package io.nbf.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nbf.tck.porting.TelemetryReader.Kind;
import io.nbf.tck.spi.Signals;
import io.nbf.tck.support.BundleArchives;
import io.nbf.tck.support.Telemetry;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Calls, failures, degradations, durations and bundles, as OpenTelemetry metrics the host exports (read
 * through the runner's {@link io.nbf.tck.porting.TelemetryReader}). Runs on every host.
 */
public class MetricsTck extends TckTest {

    private static final Duration EXPORTED = Duration.ofSeconds(20);

    @Deployment
    public static WebArchive deployment() {
        return deployment(MetricsTck.class);
    }

    @Test
    void callsFailuresDegradationsAndDurationsAreRecordedPerBundleAndMethod() {
        clean();
        deploy(BundleArchives.price("hema-fresh", "1.0").degradation("rt-mart"));
        deploy(BundleArchives.price("rt-mart", "1.0"));
        long calls = Telemetry.value("nbf.calls", Telemetry.call("hema-fresh", "quote"));
        long failed = Telemetry.value("nbf.calls.failed", Telemetry.call("hema-fresh", "quote"));
        long degraded = Telemetry.value("nbf.calls.degraded", Telemetry.degraded("hema-fresh", "quote", "exception"));
        long durations = Telemetry.count("nbf.call.duration", Telemetry.call("hema-fresh", "quote"));
        long servedByRtMart = Telemetry.value("nbf.calls", Telemetry.call("rt-mart", "quote"));
        for (int i = 0; i < 3; i++) {
            quoteVia("hema-fresh");
        }
        Signals.mode("hema-fresh", "throw");
        assertThat(quoteVia("hema-fresh")).startsWith("rt-mart:1.0:");

        await().atMost(EXPORTED).untilAsserted(() -> {
            assertThat(Telemetry.value("nbf.calls", Telemetry.call("hema-fresh", "quote")) - calls).as(Telemetry.describe()).isEqualTo(4);
            assertThat(Telemetry.value("nbf.calls.failed", Telemetry.call("hema-fresh", "quote")) - failed).isEqualTo(1);
            assertThat(Telemetry.value("nbf.calls.degraded", Telemetry.degraded("hema-fresh", "quote", "exception")) - degraded)
                    .isEqualTo(1);
            assertThat(Telemetry.count("nbf.call.duration", Telemetry.call("hema-fresh", "quote")) - durations).isEqualTo(4);
            assertThat(Telemetry.value("nbf.calls", Telemetry.call("rt-mart", "quote")) - servedByRtMart)
                    .as("the degradation bundle's call counts as its own").isEqualTo(1);
        });
        var calledPoint = Telemetry.point("nbf.calls", Telemetry.call("hema-fresh", "quote")).orElseThrow();
        assertThat(calledPoint.kind()).isEqualTo(Kind.COUNTER);
        assertThat(calledPoint.unit()).isEqualTo("{call}");
        var duration = Telemetry.point("nbf.call.duration", Telemetry.call("hema-fresh", "quote")).orElseThrow();
        assertThat(duration.kind()).isEqualTo(Kind.HISTOGRAM);
        assertThat(duration.unit()).isEqualTo("s");
    }

    @Test
    void bundlesInstalledActiveAndLiveAreGauged() {
        clean();
        deploy(BundleArchives.price("hema-fresh", "1.0"));
        deploy(BundleArchives.price("rt-mart", "1.0"));
        bundles.stop("rt-mart", "1.0");
        await().atMost(EXPORTED).untilAsserted(() -> {
            assertThat(Telemetry.value("nbf.bundles.installed", Map.of())).as(Telemetry.describe()).isEqualTo(2);
            assertThat(Telemetry.value("nbf.bundles.active", Map.of())).isEqualTo(1);
            assertThat(Telemetry.value("nbf.bundles.live", Map.of())).isEqualTo(1);
        });
    }

    @Test
    void anOpenBreakerIsGaugedAndItsRefusalsCountAsDegradations() {
        clean();
        deploy(BundleArchives.price("hema-fresh", "1.0").degradation("rt-mart"));
        deploy(BundleArchives.price("rt-mart", "1.0"));
        set(io.nbf.tck.support.Tck.bundleKey("hema-fresh", "breaker.window"), "4");
        long refused = Telemetry.value("nbf.calls.degraded", Telemetry.degraded("hema-fresh", "quote", "breaker_open"));
        Signals.mode("hema-fresh", "throw");
        for (int i = 0; i < 5; i++) {
            quoteVia("hema-fresh");
        }
        Map<String, String> breaker = Map.of("nbf.spi", io.nbf.tck.spi.PriceService.class.getName(), "nbf.bundle.id", "hema-fresh",
                "nbf.bundle.version", "1.0");
        await().atMost(EXPORTED).untilAsserted(() -> {
            assertThat(Telemetry.value("nbf.breaker.state", breaker)).as(Telemetry.describe()).isEqualTo(1);
            assertThat(Telemetry.value("nbf.calls.degraded", Telemetry.degraded("hema-fresh", "quote", "breaker_open")) - refused)
                    .isEqualTo(1);
        });
    }
}
