package com.acme.supply.app;

import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * Where the sample reads back what nbf recorded: the OpenTelemetry SDK that smallrye-opentelemetry-cdi builds
 * (autoconfigured from the {@code otel.*} keys) gets, through this customizer (registered in
 * {@code META-INF/services/io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider}), a metric
 * reader that the sample collects when it prints figures ({@code InMemoryMetricReader}, cumulative) and a span
 * exporter that keeps the last {@value #KEPT_SPANS} ended spans. The configuration sets every exporter of the SDK
 * to {@code none}, so nothing leaves the JVM; an application would configure an exporter (e.g. OTLP) instead.
 */
public final class SampleTelemetry implements AutoConfigurationCustomizerProvider {

    /** Scenario 4 makes hundreds of thousands of calls, each a span: keep only the latest ones. */
    static final int KEPT_SPANS = 1000;

    private static volatile InMemoryMetricReader reader;
    private static final RecentSpans SPANS = new RecentSpans();

    @Override
    public void customize(AutoConfigurationCustomizer customizer) {
        customizer.addMeterProviderCustomizer((builder, config) -> {
            InMemoryMetricReader r = InMemoryMetricReader.create();
            reader = r;
            return builder.registerMetricReader(r);
        });
        customizer.addTracerProviderCustomizer((builder, config) -> builder.addSpanProcessor(SimpleSpanProcessor.create(SPANS)));
    }

    /** @return every metric the SDK has now (cumulative since start); empty before the SDK was built */
    static List<MetricData> metrics() {
        InMemoryMetricReader r = reader;
        return r == null ? List.of() : new ArrayList<>(r.collectAllMetrics());
    }

    /** @return the last spans that ended, oldest first */
    static List<SpanData> spans() {
        return SPANS.list();
    }

    /** A span exporter that keeps the last {@value #KEPT_SPANS} spans in memory. */
    private static final class RecentSpans implements SpanExporter {

        private final Deque<SpanData> spans = new ArrayDeque<>();

        @Override
        public synchronized CompletableResultCode export(Collection<SpanData> ended) {
            for (SpanData s : ended) {
                if (spans.size() == KEPT_SPANS) {
                    spans.removeFirst();
                }
                spans.addLast(s);
            }
            return CompletableResultCode.ofSuccess();
        }

        synchronized List<SpanData> list() {
            return new ArrayList<>(spans);
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
}
