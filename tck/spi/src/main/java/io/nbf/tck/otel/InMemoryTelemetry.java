package io.nbf.tck.otel;

import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Captures what an autoconfigured OpenTelemetry SDK (smallrye-opentelemetry-cdi's, on Weld SE) records, in
 * memory: a metric reader collected on demand, and every ended span at once. A test registers it in its own
 * {@code META-INF/services/io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider} (this
 * JAR registers nothing, so that no other host picks it up) and sets {@link #CONFIG}. Each SDK built gets a
 * fresh reader and exporter (an SDK's shutdown stops them); the static accessors read the latest SDK's.
 */
public final class InMemoryTelemetry implements AutoConfigurationCustomizerProvider {

    /** The otel.* keys under which the SDK records to these and exports nowhere else. */
    public static final Map<String, String> CONFIG = Map.of("otel.sdk.disabled", "false", "otel.traces.exporter", "none",
            "otel.metrics.exporter", "none", "otel.logs.exporter", "none");

    private static volatile InMemoryMetricReader reader;
    private static volatile InMemorySpanExporter spans;

    @Override
    public void customize(AutoConfigurationCustomizer customizer) {
        customizer.addTracerProviderCustomizer((builder, config) -> {
            InMemorySpanExporter exporter = InMemorySpanExporter.create();
            spans = exporter;
            return builder.addSpanProcessor(SimpleSpanProcessor.create(exporter));
        });
        customizer.addMeterProviderCustomizer((builder, config) -> {
            InMemoryMetricReader r = InMemoryMetricReader.create();
            reader = r;
            return builder.registerMetricReader(r);
        });
    }

    /** @return every metric the latest SDK has, collected now (cumulative); empty before an SDK was built */
    public static List<MetricData> metrics() {
        InMemoryMetricReader r = reader;
        return r == null ? List.of() : new ArrayList<>(r.collectAllMetrics());
    }

    /** @return every span the latest SDK ended since it was built or {@link #clearSpans()} */
    public static List<SpanData> spans() {
        InMemorySpanExporter e = spans;
        return e == null ? List.of() : e.getFinishedSpanItems();
    }

    /** Forgets the spans ended so far. */
    public static void clearSpans() {
        InMemorySpanExporter e = spans;
        if (e != null) {
            e.reset();
        }
    }
}
