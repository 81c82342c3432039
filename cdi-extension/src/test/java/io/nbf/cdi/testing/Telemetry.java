package io.nbf.cdi.testing;

import io.nbf.tck.otel.InMemoryTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads what nbf recorded in the Weld SE stack's OpenTelemetry SDK ({@link InMemoryTelemetry}). */
public final class Telemetry {

    private Telemetry() {
    }

    /** @return the metric of the scope io.nbf, if recorded */
    public static Optional<MetricData> metric(String name) {
        return InMemoryTelemetry.metrics().stream()
                .filter(m -> m.getInstrumentationScopeInfo().getName().equals("io.nbf") && m.getName().equals(name)).findFirst();
    }

    /** @return the point whose attributes are exactly {@code attributes}, if any */
    public static Optional<PointData> point(String name, Map<String, String> attributes) {
        return metric(name).flatMap(m -> m.getData().getPoints().stream().filter(p -> text(p.getAttributes()).equals(attributes))
                .map(p -> (PointData) p).findFirst());
    }

    /** @return a counter's or gauge's value, 0 if not recorded */
    public static long value(String name, Map<String, String> attributes) {
        return point(name, attributes).map(p -> ((LongPointData) p).getValue()).orElse(0L);
    }

    /** @return a histogram's count, 0 if not recorded */
    public static long count(String name, Map<String, String> attributes) {
        return point(name, attributes).map(p -> ((HistogramPointData) p).getCount()).orElse(0L);
    }

    public static Map<String, String> text(Attributes attributes) {
        return attributes.asMap().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().getKey(), e -> String.valueOf(e.getValue())));
    }

    /** @return the spans ended so far */
    public static List<SpanData> spans() {
        return InMemoryTelemetry.spans();
    }

    public static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }

    /** @return the spans as an indented tree under {@code root}: name, bundle, status, events */
    public static String tree(SpanData root, List<SpanData> all) {
        StringBuilder b = new StringBuilder();
        tree(root, all, 0, b);
        return b.toString();
    }

    private static void tree(SpanData span, List<SpanData> all, int depth, StringBuilder b) {
        b.append("  ".repeat(depth)).append(span.getName()).append(" [").append(span.getKind()).append("] ")
                .append(text(span.getAttributes())).append(" status=").append(span.getStatus().getStatusCode());
        span.getEvents().forEach(e -> b.append("\n").append("  ".repeat(depth + 1)).append("event ").append(e.getName())
                .append(' ').append(text(e.getAttributes())));
        b.append('\n');
        all.stream().filter(s -> s.getParentSpanId().equals(span.getSpanId()))
                .sorted((x, y) -> Long.compare(x.getStartEpochNanos(), y.getStartEpochNanos()))
                .forEach(child -> tree(child, all, depth + 1, b));
    }
}
