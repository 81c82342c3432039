package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testing.CdiBundles;
import io.nbf.cdi.testing.Telemetry;
import io.nbf.tck.config.TckConfigSource;
import io.nbf.tck.spi.Signals;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OpenTelemetry metrics after a known sequence of calls, on the Weld SE stack; and nothing (and no failure) without them. */
class MetricsTest extends GuardTestSupport {

    @BeforeEach
    void bundles() {
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        bundleKey("hema", "breaker", "true");
        bundleKey("hema", "breaker.window", "100");
    }

    private static Map<String, String> call(String bundle, String method) {
        return Map.of("nbf.spi", SPI, "nbf.bundle.id", bundle, "nbf.bundle.version", "1.0", "nbf.method", method);
    }

    @Test
    void countsTimesAndDegradationsPerSpiBundleAndMethod() {
        startGuarded(true, ManagementClient.class);
        for (int i = 0; i < 5; i++) {
            greetVia("hema");
        }
        Signals.mode("hema", "throw");
        for (int i = 0; i < 2; i++) {
            assertThat(greetVia("hema")).isEqualTo("rt-mart x");
        }
        assertThat(Telemetry.value("nbf.calls", call("hema", "greet"))).isEqualTo(7);
        assertThat(Telemetry.value("nbf.calls.failed", call("hema", "greet"))).isEqualTo(2);
        assertThat(Telemetry.count("nbf.call.duration", call("hema", "greet"))).isEqualTo(7);
        Map<String, String> degraded = new HashMap<>(call("hema", "greet"));
        degraded.put("nbf.degradation.reason", "exception");
        assertThat(Telemetry.value("nbf.calls.degraded", degraded)).isEqualTo(2);
        assertThat(Telemetry.value("nbf.calls", call("rt-mart", "greet"))).as("the degradation bundle's calls count as its own")
                .isEqualTo(2);

        var duration = Telemetry.metric("nbf.call.duration").orElseThrow();
        assertThat(duration.getType()).isEqualTo(MetricDataType.HISTOGRAM);
        assertThat(duration.getUnit()).isEqualTo("s");
        assertThat(Telemetry.metric("nbf.calls").orElseThrow().getUnit()).isEqualTo("{call}");
        assertThat(Telemetry.metric("nbf.calls").orElseThrow().getType()).isEqualTo(MetricDataType.LONG_SUM);

        assertThat(Telemetry.value("nbf.breaker.state", Map.of("nbf.spi", SPI, "nbf.bundle.id", "hema", "nbf.bundle.version", "1.0")))
                .isZero();
        assertThat(Telemetry.point("nbf.breaker.state", Map.of("nbf.spi", SPI, "nbf.bundle.id", "hema", "nbf.bundle.version", "1.0")))
                .isPresent();
        assertThat(Telemetry.value("nbf.bundles.installed", Map.of())).isEqualTo(2);
        assertThat(Telemetry.value("nbf.bundles.active", Map.of())).isEqualTo(2);
        assertThat(Telemetry.value("nbf.bundles.live", Map.of())).isEqualTo(2);
    }

    @Test
    void anOpenBreakerReadsOneInItsGauge() {
        bundleKey("hema", "breaker.window", "4");
        startGuarded(true, ManagementClient.class);
        Signals.mode("hema", "throw");
        for (int i = 0; i < 4; i++) {
            greetVia("hema");
        }
        assertThat(Telemetry.value("nbf.breaker.state", Map.of("nbf.spi", SPI, "nbf.bundle.id", "hema", "nbf.bundle.version", "1.0")))
                .isEqualTo(1);
        greetVia("hema");
        Map<String, String> refused = new HashMap<>(call("hema", "greet"));
        refused.put("nbf.degradation.reason", "breaker_open");
        assertThat(Telemetry.value("nbf.calls.degraded", refused)).isEqualTo(1);
    }

    @Test
    void bundleGaugesReadTheRunningContainerAfterARestartInTheSameJvm() {
        startGuarded(true, ManagementClient.class);
        assertThat(Telemetry.value("nbf.bundles.live", Map.of())).isEqualTo(2);
        container.shutdown();

        drop(CdiBundles.controlled("mock-hema", "1.0", null), "mock.jar");
        startGuarded(true, ManagementClient.class);
        assertThat(Telemetry.value("nbf.bundles.installed", Map.of())).as("installed in the second container").isEqualTo(3);
        assertThat(Telemetry.value("nbf.bundles.active", Map.of())).isEqualTo(3);
        assertThat(Telemetry.value("nbf.bundles.live", Map.of())).isEqualTo(3);
    }

    @Test
    void metricsCanBeSwitchedOff() {
        TckConfigSource.set("nbf.metrics.enabled", "false");
        startGuarded(true, ManagementClient.class);
        greetVia("hema");
        assertThat(Telemetry.metric("nbf.calls")).isEmpty();
    }

    @Test
    void withTheSdkDisabledCallsAreGuardedAndNothingIsRecorded() {
        startGuarded(false, ManagementClient.class); // otel.sdk.disabled=true: its meter provider records nothing
        assertThat(greetVia("hema")).isEqualTo("hema x");
        Signals.mode("hema", "throw");
        assertThat(greetVia("hema")).isEqualTo("rt-mart x");
        assertThat(Telemetry.metric("nbf.calls")).isEmpty();
    }
}
