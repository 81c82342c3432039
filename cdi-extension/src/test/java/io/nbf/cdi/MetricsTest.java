package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testing.CdiBundles;
import io.nbf.tck.config.TckConfigSource;
import io.nbf.tck.spi.Signals;
import io.smallrye.metrics.SharedMetricRegistries;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MicroProfile Metrics after a known sequence of calls, and nothing (and no failure) without them. */
class MetricsTest extends GuardTestSupport {

    @BeforeEach
    void bundles() {
        SharedMetricRegistries.dropAll();
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        bundleKey("hema", "breaker", "true");
        bundleKey("hema", "breaker.window", "100");
    }

    private static Tag[] tags(String bundle, String method) {
        return new Tag[] {new Tag("spi", SPI), new Tag("bundle", bundle), new Tag("version", "1.0"), new Tag("method", method)};
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
        MetricRegistry registry = SharedMetricRegistries.getOrCreate(MetricRegistry.APPLICATION_SCOPE);
        Counter calls = registry.getCounters().get(new MetricID("nbf.calls", tags("hema", "greet")));
        Counter failed = registry.getCounters().get(new MetricID("nbf.calls.failed", tags("hema", "greet")));
        Timer duration = registry.getTimers().get(new MetricID("nbf.calls.duration", tags("hema", "greet")));
        Tag[] degradedTags = java.util.Arrays.copyOf(tags("hema", "greet"), 5);
        degradedTags[4] = new Tag("reason", "EXCEPTION");
        Counter degraded = registry.getCounters().get(new MetricID("nbf.calls.degraded", degradedTags));
        assertThat(calls.getCount()).isEqualTo(7);
        assertThat(failed.getCount()).isEqualTo(2);
        assertThat(duration.getCount()).isEqualTo(7);
        assertThat(degraded.getCount()).isEqualTo(2);

        Gauge<?> breaker = registry.getGauges().get(new MetricID("nbf.breaker.state",
                new Tag("spi", SPI), new Tag("bundle", "hema"), new Tag("version", "1.0")));
        assertThat(breaker.getValue().intValue()).isZero();
        assertThat(registry.getGauges().get(new MetricID("nbf.bundles.installed")).getValue().intValue()).isEqualTo(2);
        assertThat(registry.getGauges().get(new MetricID("nbf.bundles.active")).getValue().intValue()).isEqualTo(2);
        assertThat(registry.getGauges().get(new MetricID("nbf.bundles.live")).getValue().intValue()).isEqualTo(2);
        Counter servedByDegradation = registry.getCounters().get(new MetricID("nbf.calls", tags("rt-mart", "greet")));
        assertThat(servedByDegradation.getCount()).as("the degradation bundle's calls count as its own").isEqualTo(2);
    }

    @Test
    void bundleGaugesReadTheRunningContainerAfterARestartInTheSameJvm() {
        startGuarded(true, ManagementClient.class);
        MetricRegistry registry = SharedMetricRegistries.getOrCreate(MetricRegistry.APPLICATION_SCOPE);
        assertThat(gauge(registry, "nbf.bundles.live")).isEqualTo(2);
        container.shutdown();
        assertThat(registry.getGauges()).as("the stopped container's gauges are gone")
                .doesNotContainKeys(new MetricID("nbf.bundles.installed"), new MetricID("nbf.bundles.active"),
                        new MetricID("nbf.bundles.live"));

        drop(CdiBundles.controlled("mock-hema", "1.0", null), "mock.jar");
        startGuarded(true, ManagementClient.class);
        assertThat(SharedMetricRegistries.getOrCreate(MetricRegistry.APPLICATION_SCOPE)).isSameAs(registry);
        assertThat(gauge(registry, "nbf.bundles.installed")).as("installed in the second container").isEqualTo(3);
        assertThat(gauge(registry, "nbf.bundles.active")).isEqualTo(3);
        assertThat(gauge(registry, "nbf.bundles.live")).isEqualTo(3);
    }

    private static int gauge(MetricRegistry registry, String name) {
        return registry.getGauges().get(new MetricID(name)).getValue().intValue();
    }

    @Test
    void metricsCanBeSwitchedOff() {
        TckConfigSource.set("nbf.metrics.enabled", "false");
        startGuarded(true, ManagementClient.class);
        greetVia("hema");
        MetricRegistry registry = SharedMetricRegistries.getOrCreate(MetricRegistry.APPLICATION_SCOPE);
        assertThat(registry.getCounters().get(new MetricID("nbf.calls", tags("hema", "greet")))).isNull();
    }

    @Test
    void withoutMicroProfileMetricsCallsAreGuardedAndNothingIsRecorded() {
        startGuarded(false, ManagementClient.class); // no metrics extension: no registry bean
        assertThat(greetVia("hema")).isEqualTo("hema x");
        Signals.mode("hema", "throw");
        assertThat(greetVia("hema")).isEqualTo("rt-mart x");
        assertThat(SharedMetricRegistries.getRegistryScopeNames()).doesNotContain(MetricRegistry.APPLICATION_SCOPE);
    }
}
