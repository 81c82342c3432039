package io.nbf.bench;

import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host's OpenTelemetry SDK as production runs it, minus the network: metrics through a periodic reader every
 * 60 s (the SDK's default interval) and spans through a batch span processor, both to exporters that count and
 * drop. Registered for autoconfigure in META-INF/services; used with {@code otel.*.exporter=none}.
 */
public final class BenchTelemetry implements AutoConfigurationCustomizerProvider {

    static final AtomicLong SPANS = new AtomicLong();
    static final AtomicLong METRIC_EXPORTS = new AtomicLong();

    @Override
    public void customize(AutoConfigurationCustomizer customizer) {
        customizer.addTracerProviderCustomizer((b, c) -> b.addSpanProcessor(BatchSpanProcessor.builder(new CountingSpanExporter(SPANS)).build()));
        customizer.addMeterProviderCustomizer((b, c) -> b.registerMetricReader(
                PeriodicMetricReader.builder(new Metrics()).setInterval(Duration.ofSeconds(60)).build()));
    }

    /** Counts the spans and drops them: the cost of a real exporter's network I/O is not nbf's. */
    static final class CountingSpanExporter implements SpanExporter {
        private final AtomicLong count;

        CountingSpanExporter(AtomicLong count) {
            this.count = count;
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            count.addAndGet(spans.size());
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    private static final class Metrics implements MetricExporter {
        @Override
        public CompletableResultCode export(Collection<MetricData> metrics) {
            METRIC_EXPORTS.incrementAndGet();
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
            return AggregationTemporality.CUMULATIVE;
        }
    }
}
