package io.nbf.tck.porting;

import java.util.List;
import java.util.Map;

/**
 * The TCK's porting SPI for OpenTelemetry: what the container under test exported of nbf's metrics and
 * spans, however the runner captures it (an in-memory exporter on Weld SE, an exporter bean on Quarkus, an
 * OTLP/HTTP receiver on 127.0.0.1 that WildFly exports to). Runs in the container, beside the tests.
 * A runner provides one through {@code META-INF/services/io.nbf.tck.porting.TelemetryReader}; see
 * {@link Porting#telemetry()}.
 *
 * <p>Exports are asynchronous: both methods answer what has arrived so far, and the tests wait for what
 * they expect. Implementations are thread-safe.
 */
public interface TelemetryReader {

    /**
     * @return the latest exported point of every metric stream (one per name and set of attributes) of the
     *         instrumentation scope {@code io.nbf}; cumulative temporality
     */
    List<MetricPoint> metrics();

    /** @return every span of the scope {@code io.nbf}, and every span the tests started, exported so far, in no given order */
    List<RecordedSpan> spans();

    /** One point of one metric stream. */
    enum Kind {
        /** A monotonic sum: {@link MetricPoint#value()} is the total. */
        COUNTER,
        /** A non-monotonic sum. */
        UP_DOWN_COUNTER,
        /** A gauge: the last value. */
        GAUGE,
        /** A histogram: {@link MetricPoint#count()} and {@link MetricPoint#value()} (the sum). */
        HISTOGRAM
    }

    /**
     * @param name the metric name as the SDK exports it (dots, no {@code _total})
     * @param unit the unit, as the instrument declared it
     * @param attributes the stream's attributes, as text
     * @param value the sum, or the gauge's value, or the histogram's sum
     * @param count a histogram's count; 0 for the other kinds
     */
    record MetricPoint(String name, String unit, Kind kind, Map<String, String> attributes, double value, long count) {
    }

    /**
     * @param traceId the trace id, in hex
     * @param spanId the span id, in hex
     * @param parentSpanId the parent's span id, in hex, or {@code null} for a root span
     * @param kind {@code INTERNAL}, {@code SERVER}, ...
     * @param attributes the span's attributes, as text
     * @param events the span's events, in order
     * @param status {@code UNSET}, {@code OK} or {@code ERROR}
     */
    record RecordedSpan(String traceId, String spanId, String parentSpanId, String name, String kind,
            Map<String, String> attributes, List<RecordedEvent> events, String status) {
    }

    /** A span's event: an exception ({@code exception}, with {@code exception.type}) or one of nbf's. */
    record RecordedEvent(String name, Map<String, String> attributes) {
    }
}
