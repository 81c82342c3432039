package io.nbf.tck.weld;

import io.nbf.tck.otel.InMemoryTelemetry;
import io.nbf.tck.porting.TelemetryReader;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.metrics.data.SumData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Weld runner's {@link TelemetryReader}: what smallrye-opentelemetry-cdi's SDK recorded, from
 * {@link InMemoryTelemetry} (a metric reader collected on demand, a span exporter fed as spans end).
 */
public final class InMemoryTelemetryReader implements TelemetryReader {

    @Override
    public List<MetricPoint> metrics() {
        List<MetricPoint> points = new ArrayList<>();
        for (MetricData m : InMemoryTelemetry.metrics()) {
            if (!m.getInstrumentationScopeInfo().getName().equals("io.nbf")) {
                continue;
            }
            Kind kind = kind(m);
            for (PointData p : m.getData().getPoints()) {
                Map<String, String> attributes = text(p.getAttributes());
                if (p instanceof HistogramPointData h) {
                    points.add(new MetricPoint(m.getName(), m.getUnit(), kind, attributes, h.getSum(), h.getCount()));
                } else if (p instanceof LongPointData l) {
                    points.add(new MetricPoint(m.getName(), m.getUnit(), kind, attributes, l.getValue(), 0));
                } else if (p instanceof DoublePointData d) {
                    points.add(new MetricPoint(m.getName(), m.getUnit(), kind, attributes, d.getValue(), 0));
                }
            }
        }
        return points;
    }

    private static Kind kind(MetricData m) {
        switch (m.getType()) {
            case HISTOGRAM:
                return Kind.HISTOGRAM;
            case LONG_GAUGE:
            case DOUBLE_GAUGE:
                return Kind.GAUGE;
            default:
                return ((SumData<?>) m.getData()).isMonotonic() ? Kind.COUNTER : Kind.UP_DOWN_COUNTER;
        }
    }

    @Override
    public List<RecordedSpan> spans() {
        List<RecordedSpan> spans = new ArrayList<>();
        for (SpanData s : InMemoryTelemetry.spans()) {
            List<RecordedEvent> events = new ArrayList<>();
            s.getEvents().forEach(e -> events.add(new RecordedEvent(e.getName(), text(e.getAttributes()))));
            String parent = s.getParentSpanId().equals(SpanId.getInvalid()) ? null : s.getParentSpanId();
            spans.add(new RecordedSpan(s.getTraceId(), s.getSpanId(), parent, s.getName(), s.getKind().name(),
                    text(s.getAttributes()), events, s.getStatus().getStatusCode().name()));
        }
        return spans;
    }

    private static Map<String, String> text(Attributes attributes) {
        Map<String, String> text = new LinkedHashMap<>();
        attributes.forEach((k, v) -> text.put(k.getKey(), String.valueOf(v)));
        return text;
    }

    @Override
    public String toString() {
        return "the Weld runner's in-memory OpenTelemetry reader";
    }
}
