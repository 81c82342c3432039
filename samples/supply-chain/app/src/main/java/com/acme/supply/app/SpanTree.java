package com.acme.supply.app;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints one trace the SDK exported as an indented tree: name, kind, attributes, status, then events. */
final class SpanTree {

    /** nbf's span attributes in the order the documentation lists them; others follow, sorted. */
    private static final List<String> ORDER = List.of("nbf.spi", "nbf.method", "nbf.bundle.id", "nbf.bundle.version", "nbf.route",
            "nbf.degradation.reason", "nbf.degradation.from", "nbf.degradation.to");

    private SpanTree() {
    }

    /** @return the lines of the tree under {@code root}, children in the order they started */
    static List<String> lines(SpanData root, List<SpanData> trace) {
        List<String> lines = new ArrayList<>();
        add(root, trace, 0, lines);
        return lines;
    }

    /** @return the spans of {@code all} whose parent is {@code span} */
    static List<SpanData> children(SpanData span, List<SpanData> all) {
        return all.stream().filter(s -> s.getParentSpanId().equals(span.getSpanId()) && s.getTraceId().equals(span.getTraceId()))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
    }

    static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }

    /** @return the attributes as text, {@code key=value}, in the order of {@link #ORDER} */
    static Map<String, String> text(Attributes attributes) {
        Map<String, String> sorted = new java.util.TreeMap<>();
        attributes.forEach((k, v) -> sorted.put(k.getKey(), String.valueOf(v)));
        Map<String, String> text = new LinkedHashMap<>();
        ORDER.stream().filter(sorted::containsKey).forEach(k -> text.put(k, sorted.remove(k)));
        text.putAll(sorted);
        return text;
    }

    private static void add(SpanData span, List<SpanData> trace, int depth, List<String> lines) {
        String indent = "  ".repeat(depth);
        Map<String, String> attributes = text(span.getAttributes());
        lines.add(indent + span.getName() + " [" + span.getKind() + "]" + (attributes.isEmpty() ? "" : " " + attributes)
                + " status=" + span.getStatus().getStatusCode());
        span.getEvents().forEach(e -> lines.add(indent + "  event " + e.getName() + " " + text(e.getAttributes())));
        children(span, trace).forEach(child -> add(child, trace, depth + 1, lines));
    }
}
