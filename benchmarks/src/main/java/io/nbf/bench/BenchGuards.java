package io.nbf.bench;

import io.nbf.config.GuardSettings;
import io.nbf.config.ObservationSettings;
import io.nbf.guard.GuardedDispatcher;
import io.nbf.metrics.OpenTelemetryCallMetrics;
import io.nbf.modules.BundleEngine;
import io.nbf.trace.OpenTelemetryCallTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Guard set-ups outside CDI: SmallRye Fault Tolerance standalone, and OpenTelemetry's SDK as a host runs it:
 * metrics into a reader (collected only when checked, as a periodic exporter would every minute), spans through
 * a batch span processor to an exporter that counts and drops them.
 */
final class BenchGuards {

    private static final InMemoryMetricReader READER = InMemoryMetricReader.create();
    private static final SdkMeterProvider METERS = SdkMeterProvider.builder().registerMetricReader(READER).build();
    private static final AtomicLong EXPORTED_SPANS = new AtomicLong();
    private static final SdkTracerProvider TRACERS = SdkTracerProvider.builder()
            .addSpanProcessor(BatchSpanProcessor.builder(new BenchTelemetry.CountingSpanExporter(EXPORTED_SPANS)).build()).build();

    private BenchGuards() {
    }

    /** @param keyValues guard keys and values, alternating (see {@link GuardSettings}) */
    static GuardSettings settings(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return GuardSettings.read(key -> map.containsKey(key) ? new String[] {"bench." + key, map.get(key)} : null);
    }

    /**
     * A guarded dispatcher with Fault Tolerance ready and the given per-bundle settings, observed as {@code observation}
     * says: metrics and spans into the SDK above, the MDC.
     */
    static GuardedDispatcher dispatcher(BundleEngine engine, ObservationSettings observation, Map<String, GuardSettings> byBundle) {
        GuardedDispatcher d = new GuardedDispatcher(engine.registry(), BenchGuards.class.getClassLoader());
        if (!d.faultToleranceAvailable()) {
            throw new IllegalStateException("SmallRye Fault Tolerance is not on the class path");
        }
        d.faultToleranceReady();
        d.metrics(new OpenTelemetryCallMetrics(METERS, "bench"));
        d.tracer(new OpenTelemetryCallTracer(TRACERS, OpenTelemetryCallMetrics.SCOPE, "bench"));
        d.configure(Map.of(), byBundle, observation);
        return d;
    }

    /** nbf's defaults: metrics, spans and the MDC on. */
    static GuardedDispatcher dispatcher(BundleEngine engine, boolean observed, Map<String, GuardSettings> byBundle) {
        return dispatcher(engine, observed ? ObservationSettings.DEFAULTS : ObservationSettings.OFF, byBundle);
    }

    /** @return the count of nbf.calls recorded for a bundle, over all methods and versions */
    static long recordedCalls(String bundleId) {
        long sum = 0;
        for (MetricData m : READER.collectAllMetrics()) {
            if (m.getName().equals("nbf.calls")) {
                for (LongPointData p : m.getLongSumData().getPoints()) {
                    if (bundleId.equals(p.getAttributes().get(AttributeKey.stringKey("nbf.bundle.id")))) {
                        sum += p.getValue();
                    }
                }
            }
        }
        return sum;
    }

    /** @return the spans the batch processor exported so far (after a flush) */
    static long exportedSpans() {
        TRACERS.forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
        return EXPORTED_SPANS.get();
    }

    /** Fails the set-up unless {@code actual} equals {@code expected}: a benchmark must measure what it says. */
    static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark set-up check failed: " + what);
        }
    }
}
