package io.nbf.tck.quarkus.telemetry;

import io.nbf.tck.porting.TelemetryReader;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramPointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.metrics.data.SumData;
import io.opentelemetry.sdk.metrics.data.SummaryPointData;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.ExceptionEventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.enterprise.inject.spi.CDI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The Quarkus runner's {@link TelemetryReader}: what quarkus-opentelemetry exported to the application's
 * exporter beans ({@link TelemetryExporters}). Registered through
 * {@code META-INF/services/io.nbf.tck.porting.TelemetryReader}; runs in the application, beside the tests,
 * and finds the exporters through {@code CDI.current()}, so it needs a running Quarkus application.
 *
 * <p>Each read first has the SDK export what it holds ({@code forceFlush}), so that it answers the state
 * at the time of the call, as an on-demand reader would, yet through the exporters Quarkus really uses.
 * Metrics: the last export of the SDK's periodic metric reader, scope {@code io.nbf} only. Spans: every span
 * exported so far, of any scope (the tests' own, the HTTP server spans of the packaged-jar mode, nbf's).
 */
public final class QuarkusTelemetryReader implements TelemetryReader {

    /** The instrumentation scope of nbf's meters; other scopes (Fault Tolerance, JVM, HTTP) are left out. */
    static final String NBF_SCOPE = "io.nbf";

    private static final int FLUSH_ATTEMPTS = 50;

    @Override
    public List<MetricPoint> metrics() {
        flush("metrics", sdk -> sdk.getSdkMeterProvider().forceFlush());
        List<MetricPoint> points = new ArrayList<>();
        for (MetricData metric : bean(LastExportMetricExporter.class, TelemetryExporters.class.getName()).lastExport()) {
            if (NBF_SCOPE.equals(metric.getInstrumentationScopeInfo().getName())) {
                points.addAll(points(metric));
            }
        }
        return points;
    }

    @Override
    public List<RecordedSpan> spans() {
        flush("spans", sdk -> sdk.getSdkTracerProvider().forceFlush());
        List<RecordedSpan> spans = new ArrayList<>();
        for (SpanData span : bean(InMemorySpanExporter.class, TelemetryExporters.class.getName()).getFinishedSpanItems()) {
            spans.add(span(span));
        }
        return spans;
    }

    /** @return every point of one exported metric, as the SPI's records */
    static List<MetricPoint> points(MetricData metric) {
        String name = metric.getName();
        String unit = metric.getUnit();
        List<MetricPoint> points = new ArrayList<>();
        switch (metric.getType()) {
            case LONG_SUM -> {
                Kind kind = sumKind(metric.getLongSumData());
                for (LongPointData p : metric.getLongSumData().getPoints()) {
                    points.add(new MetricPoint(name, unit, kind, attributes(p), p.getValue(), 0));
                }
            }
            case DOUBLE_SUM -> {
                Kind kind = sumKind(metric.getDoubleSumData());
                for (DoublePointData p : metric.getDoubleSumData().getPoints()) {
                    points.add(new MetricPoint(name, unit, kind, attributes(p), p.getValue(), 0));
                }
            }
            case LONG_GAUGE -> {
                for (LongPointData p : metric.getLongGaugeData().getPoints()) {
                    points.add(new MetricPoint(name, unit, Kind.GAUGE, attributes(p), p.getValue(), 0));
                }
            }
            case DOUBLE_GAUGE -> {
                for (DoublePointData p : metric.getDoubleGaugeData().getPoints()) {
                    points.add(new MetricPoint(name, unit, Kind.GAUGE, attributes(p), p.getValue(), 0));
                }
            }
            case HISTOGRAM -> {
                for (HistogramPointData p : metric.getHistogramData().getPoints()) {
                    points.add(new MetricPoint(name, unit, Kind.HISTOGRAM, attributes(p), p.getSum(), p.getCount()));
                }
            }
            // A view may turn a histogram exponential; it is still a histogram to the SPI: count and sum.
            case EXPONENTIAL_HISTOGRAM -> {
                for (ExponentialHistogramPointData p : metric.getExponentialHistogramData().getPoints()) {
                    points.add(new MetricPoint(name, unit, Kind.HISTOGRAM, attributes(p), p.getSum(), p.getCount()));
                }
            }
            // Only bridges of older APIs produce summaries; count and sum are what the SPI can carry.
            case SUMMARY -> {
                for (SummaryPointData p : metric.getSummaryData().getPoints()) {
                    points.add(new MetricPoint(name, unit, Kind.HISTOGRAM, attributes(p), p.getSum(), p.getCount()));
                }
            }
            default -> throw new IllegalStateException("metric " + name + " has a type the TCK's TelemetryReader does not know: "
                    + metric.getType() + " (points " + describe(metric.getData().getPoints()) + ")");
        }
        return points;
    }

    private static Kind sumKind(SumData<?> sum) {
        return sum.isMonotonic() ? Kind.COUNTER : Kind.UP_DOWN_COUNTER;
    }

    /** @return one exported span as the SPI's record: ids in hex, no parent id for a root span */
    static RecordedSpan span(SpanData span) {
        List<RecordedEvent> events = new ArrayList<>();
        for (EventData event : span.getEvents()) {
            Map<String, String> attributes = text(event.getAttributes());
            // SDKs before 1.50 leave exception.type and exception.message out of the event's attributes
            // and add them only in the exporters; the SPI promises exception.type.
            if (event instanceof ExceptionEventData exception) {
                Throwable t = exception.getException();
                attributes.putIfAbsent("exception.type", t.getClass().getName());
                if (t.getMessage() != null) {
                    attributes.putIfAbsent("exception.message", t.getMessage());
                }
            }
            events.add(new RecordedEvent(event.getName(), Collections.unmodifiableMap(attributes)));
        }
        String parent = span.getParentSpanContext().isValid() ? span.getParentSpanId() : null;
        return new RecordedSpan(span.getTraceId(), span.getSpanId(), parent, span.getName(), span.getKind().name(),
                Collections.unmodifiableMap(text(span.getAttributes())), List.copyOf(events),
                span.getStatus().getStatusCode().name());
    }

    private static Map<String, String> attributes(PointData point) {
        return Collections.unmodifiableMap(text(point.getAttributes()));
    }

    /** @return the attributes as text, arrays as {@code [a, b]}; in the SDK's order, mutable */
    static Map<String, String> text(Attributes attributes) {
        Map<String, String> text = new LinkedHashMap<>();
        attributes.forEach((key, value) -> text.put(key.getKey(), String.valueOf(value)));
        return text;
    }

    private static String describe(Collection<? extends PointData> points) {
        return points.isEmpty() ? "none" : points.iterator().next().getClass().getName() + " x" + points.size();
    }

    /**
     * Has the SDK export now what it holds: the metric reader collects and exports (so a value read before a
     * test's calls is not one from an export up to an interval old, which would skew the test's differences),
     * the batch span processor exports the spans that ended. A periodic export under way makes the metric
     * reader refuse ("exporter busy"); it is asked again, the exporter being in memory and quick.
     */
    private static void flush(String what, Function<OpenTelemetrySdk, CompletableResultCode> flush) {
        OpenTelemetry otel = bean(OpenTelemetry.class, "quarkus-opentelemetry");
        if (!(otel instanceof OpenTelemetrySdk sdk)) {
            // Not Quarkus's SDK (another extension's wrapper): the periodic exports still arrive, later.
            return;
        }
        for (int attempt = 0; attempt < FLUSH_ATTEMPTS; attempt++) {
            if (flush.apply(sdk).join(5, TimeUnit.SECONDS).isSuccess()) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the OpenTelemetry SDK exported its " + what, e);
            }
        }
        throw new IllegalStateException("the OpenTelemetry SDK did not export its " + what + " on demand in "
                + FLUSH_ATTEMPTS + " attempts (forceFlush failed each time)");
    }

    /** @return the application's bean of {@code type}, which {@code source} provides */
    private static <T> T bean(Class<T> type, String source) {
        try {
            return CDI.current().select(type).get();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the Quarkus TCK application has no usable " + type.getName() + " bean (from "
                    + source + "): are quarkus-opentelemetry and the runner's package " + TelemetryExporters.class.getPackageName()
                    + " part of the application?", e);
        }
    }
}
