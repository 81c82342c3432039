package io.nbf.tck.wildfly.porting;

import io.nbf.tck.porting.TelemetryReader.Kind;
import io.nbf.tck.porting.TelemetryReader.MetricPoint;
import io.nbf.tck.porting.TelemetryReader.RecordedEvent;
import io.nbf.tck.porting.TelemetryReader.RecordedSpan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decodes the bodies of OTLP/HTTP requests ({@code application/x-protobuf}) into the TCK's porting records:
 * {@code ExportMetricsServiceRequest} ({@code POST /v1/metrics}) and {@code ExportTraceServiceRequest}
 * ({@code POST /v1/traces}), as opentelemetry-proto 1.5.0 (WildFly 39's) defines them. The field numbers
 * below are those of the {@code .proto} files ({@code opentelemetry/proto/{collector,metrics,trace,common}/v1}).
 *
 * <p>Metrics: sums become {@link Kind#COUNTER} (monotonic) or {@link Kind#UP_DOWN_COUNTER}, gauges
 * {@link Kind#GAUGE}, explicit and exponential histograms {@link Kind#HISTOGRAM} (value = sum, count);
 * summaries (which the OpenTelemetry SDK never produces) are ignored. Integer points ({@code as_int}) and
 * double points ({@code as_double}) both become the point's {@code double} value. Attribute values become
 * text: strings as they are, booleans and numbers as Java prints them, arrays as {@code [a, b]}, key-value
 * lists as {@code {k=v}}, bytes in hex.
 *
 * <p>Spans: ids in lower-case hex; an empty parent span id (a root span) becomes {@code null}; the kind as
 * {@code INTERNAL}, {@code SERVER}, ...; the status as {@code UNSET}, {@code OK} or {@code ERROR}.
 */
final class OtlpDecoder {

    /** AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA */
    static final int DELTA = 1;

    private static final String[] SPAN_KINDS = {"UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"};
    private static final String[] STATUS_CODES = {"UNSET", "OK", "ERROR"};
    private static final HexFormat HEX = HexFormat.of();

    private OtlpDecoder() {
    }

    /**
     * One exported data point, with what the receiver needs to keep the latest point per stream.
     *
     * @param service the resource's {@code service.name} (WildFly: the deployment's name), or {@code null}
     * @param scope the instrumentation scope's name
     * @param timeUnixNano when the point was taken
     * @param temporality 1 delta, 2 cumulative, 0 for gauges
     */
    record DecodedPoint(String service, String scope, MetricPoint point, long timeUnixNano, int temporality) {
    }

    /** One exported span, with its resource's {@code service.name} and its instrumentation scope. */
    record DecodedSpan(String service, String scope, RecordedSpan span) {
    }

    /** Decodes an {@code ExportMetricsServiceRequest}, handing each data point to {@code sink}. */
    static void metrics(byte[] request, Consumer<DecodedPoint> sink) {
        ProtoReader r = new ProtoReader(request);
        while (r.next()) {
            if (r.field() == 1) { // resource_metrics
                resourceMetrics(r.message(), sink);
            } else {
                r.skip();
            }
        }
    }

    /** Decodes an {@code ExportTraceServiceRequest}, handing each span to {@code sink}. */
    static void traces(byte[] request, Consumer<DecodedSpan> sink) {
        ProtoReader r = new ProtoReader(request);
        while (r.next()) {
            if (r.field() == 1) { // resource_spans
                resourceSpans(r.message(), sink);
            } else {
                r.skip();
            }
        }
    }

    // ResourceMetrics { Resource resource = 1; repeated ScopeMetrics scope_metrics = 2; string schema_url = 3; }
    // Fields arrive in any order: the scope metrics are collected first, then handed on with the service name.
    private static void resourceMetrics(ProtoReader r, Consumer<DecodedPoint> sink) {
        String service = null;
        List<ProtoReader> scopes = new ArrayList<>();
        while (r.next()) {
            switch (r.field()) {
                case 1 -> service = serviceName(r.message());
                case 2 -> scopes.add(r.message());
                default -> r.skip();
            }
        }
        for (ProtoReader scope : scopes) {
            scopeMetrics(service, scope, sink);
        }
    }

    // ScopeMetrics { InstrumentationScope scope = 1; repeated Metric metrics = 2; string schema_url = 3; }
    private static void scopeMetrics(String service, ProtoReader r, Consumer<DecodedPoint> sink) {
        String scope = "";
        List<ProtoReader> metrics = new ArrayList<>();
        while (r.next()) {
            switch (r.field()) {
                case 1 -> scope = scopeName(r.message());
                case 2 -> metrics.add(r.message());
                default -> r.skip();
            }
        }
        for (ProtoReader metric : metrics) {
            metric(service, scope, metric, sink);
        }
    }

    // Metric { string name = 1; string description = 2; string unit = 3;
    //          oneof data { Gauge gauge = 5; Sum sum = 7; Histogram histogram = 9;
    //                       ExponentialHistogram exponential_histogram = 10; Summary summary = 11; }
    //          repeated KeyValue metadata = 12; }
    private static void metric(String service, String scope, ProtoReader r, Consumer<DecodedPoint> sink) {
        String name = "";
        String unit = "";
        int dataField = 0;
        ProtoReader data = null;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> name = r.string();
                case 3 -> unit = r.string();
                case 5, 7, 9, 10 -> {
                    dataField = r.field();
                    data = r.message();
                }
                default -> r.skip();
            }
        }
        if (data == null) {
            return; // a summary, or a metric without data
        }
        // Gauge { repeated NumberDataPoint data_points = 1; }
        // Sum { repeated NumberDataPoint data_points = 1; AggregationTemporality aggregation_temporality = 2; bool is_monotonic = 3; }
        // Histogram / ExponentialHistogram { repeated ...DataPoint data_points = 1; AggregationTemporality aggregation_temporality = 2; }
        List<ProtoReader> points = new ArrayList<>();
        int temporality = 0;
        boolean monotonic = false;
        while (data.next()) {
            switch (data.field()) {
                case 1 -> points.add(data.message());
                case 2 -> temporality = (int) data.varint();
                case 3 -> monotonic = data.varint() != 0;
                default -> data.skip();
            }
        }
        for (ProtoReader point : points) {
            switch (dataField) {
                case 5 -> numberPoint(service, scope, name, unit, Kind.GAUGE, 0, point, sink);
                case 7 -> numberPoint(service, scope, name, unit, monotonic ? Kind.COUNTER : Kind.UP_DOWN_COUNTER,
                        temporality, point, sink);
                case 9 -> histogramPoint(service, scope, name, unit, temporality, point, 9, sink);
                default -> histogramPoint(service, scope, name, unit, temporality, point, 1, sink);
            }
        }
    }

    // NumberDataPoint { repeated KeyValue attributes = 7; fixed64 start_time_unix_nano = 2; fixed64 time_unix_nano = 3;
    //                   oneof value { double as_double = 4; sfixed64 as_int = 6; } repeated Exemplar exemplars = 5; uint32 flags = 8; }
    private static void numberPoint(String service, String scope, String name, String unit, Kind kind, int temporality,
            ProtoReader r, Consumer<DecodedPoint> sink) {
        Map<String, String> attributes = new LinkedHashMap<>();
        long time = 0;
        double value = 0;
        while (r.next()) {
            switch (r.field()) {
                case 7 -> keyValue(r.message(), attributes);
                case 3 -> time = r.fixed64();
                case 4 -> value = r.doubleValue();
                case 6 -> value = r.fixed64();
                default -> r.skip();
            }
        }
        sink.accept(new DecodedPoint(service, scope,
                new MetricPoint(name, unit, kind, Collections.unmodifiableMap(attributes), value, 0), time, temporality));
    }

    // HistogramDataPoint { repeated KeyValue attributes = 9; fixed64 time_unix_nano = 3; fixed64 count = 4; optional double sum = 5; ... }
    // ExponentialHistogramDataPoint { repeated KeyValue attributes = 1; fixed64 time_unix_nano = 3; fixed64 count = 4; optional double sum = 5; ... }
    private static void histogramPoint(String service, String scope, String name, String unit, int temporality,
            ProtoReader r, int attributesField, Consumer<DecodedPoint> sink) {
        Map<String, String> attributes = new LinkedHashMap<>();
        long time = 0;
        long count = 0;
        double sum = 0;
        while (r.next()) {
            int field = r.field();
            if (field == attributesField) {
                keyValue(r.message(), attributes);
            } else if (field == 3) {
                time = r.fixed64();
            } else if (field == 4) {
                count = r.fixed64();
            } else if (field == 5) {
                sum = r.doubleValue();
            } else {
                r.skip();
            }
        }
        sink.accept(new DecodedPoint(service, scope,
                new MetricPoint(name, unit, Kind.HISTOGRAM, Collections.unmodifiableMap(attributes), sum, count), time,
                temporality));
    }

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; string schema_url = 3; }
    private static void resourceSpans(ProtoReader r, Consumer<DecodedSpan> sink) {
        String service = null;
        List<ProtoReader> scopes = new ArrayList<>();
        while (r.next()) {
            switch (r.field()) {
                case 1 -> service = serviceName(r.message());
                case 2 -> scopes.add(r.message());
                default -> r.skip();
            }
        }
        for (ProtoReader scope : scopes) {
            scopeSpans(service, scope, sink);
        }
    }

    // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; string schema_url = 3; }
    private static void scopeSpans(String service, ProtoReader r, Consumer<DecodedSpan> sink) {
        String scope = "";
        List<ProtoReader> spans = new ArrayList<>();
        while (r.next()) {
            switch (r.field()) {
                case 1 -> scope = scopeName(r.message());
                case 2 -> spans.add(r.message());
                default -> r.skip();
            }
        }
        for (ProtoReader span : spans) {
            sink.accept(new DecodedSpan(service, scope, span(span)));
        }
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; bytes parent_span_id = 4; string name = 5;
    //        SpanKind kind = 6; fixed64 start_time_unix_nano = 7; fixed64 end_time_unix_nano = 8; repeated KeyValue attributes = 9;
    //        uint32 dropped_attributes_count = 10; repeated Event events = 11; ...; Status status = 15; fixed32 flags = 16; }
    private static RecordedSpan span(ProtoReader r) {
        String traceId = "";
        String spanId = "";
        String parentSpanId = null;
        String name = "";
        String kind = SPAN_KINDS[0];
        Map<String, String> attributes = new LinkedHashMap<>();
        List<RecordedEvent> events = new ArrayList<>();
        String status = STATUS_CODES[0];
        while (r.next()) {
            switch (r.field()) {
                case 1 -> traceId = HEX.formatHex(r.bytes());
                case 2 -> spanId = HEX.formatHex(r.bytes());
                case 4 -> {
                    byte[] parent = r.bytes();
                    parentSpanId = parent.length == 0 ? null : HEX.formatHex(parent);
                }
                case 5 -> name = r.string();
                case 6 -> kind = label(SPAN_KINDS, r.varint());
                case 9 -> keyValue(r.message(), attributes);
                case 11 -> events.add(event(r.message()));
                case 15 -> status = status(r.message());
                default -> r.skip();
            }
        }
        return new RecordedSpan(traceId, spanId, parentSpanId, name, kind, Collections.unmodifiableMap(attributes),
                List.copyOf(events), status);
    }

    // Event { fixed64 time_unix_nano = 1; string name = 2; repeated KeyValue attributes = 3; uint32 dropped_attributes_count = 4; }
    private static RecordedEvent event(ProtoReader r) {
        String name = "";
        Map<String, String> attributes = new LinkedHashMap<>();
        while (r.next()) {
            switch (r.field()) {
                case 2 -> name = r.string();
                case 3 -> keyValue(r.message(), attributes);
                default -> r.skip();
            }
        }
        return new RecordedEvent(name, Collections.unmodifiableMap(attributes));
    }

    // Status { string message = 2; StatusCode code = 3; }
    private static String status(ProtoReader r) {
        String code = STATUS_CODES[0];
        while (r.next()) {
            if (r.field() == 3) {
                code = label(STATUS_CODES, r.varint());
            } else {
                r.skip();
            }
        }
        return code;
    }

    // Resource { repeated KeyValue attributes = 1; uint32 dropped_attributes_count = 2; }
    private static String serviceName(ProtoReader r) {
        Map<String, String> attributes = new LinkedHashMap<>();
        while (r.next()) {
            if (r.field() == 1) {
                keyValue(r.message(), attributes);
            } else {
                r.skip();
            }
        }
        return attributes.get("service.name");
    }

    // InstrumentationScope { string name = 1; string version = 2; repeated KeyValue attributes = 3; ... }
    private static String scopeName(ProtoReader r) {
        String name = "";
        while (r.next()) {
            if (r.field() == 1) {
                name = r.string();
            } else {
                r.skip();
            }
        }
        return name;
    }

    // KeyValue { string key = 1; AnyValue value = 2; }
    private static void keyValue(ProtoReader r, Map<String, String> into) {
        String key = "";
        String value = "";
        while (r.next()) {
            switch (r.field()) {
                case 1 -> key = r.string();
                case 2 -> value = anyValue(r.message());
                default -> r.skip();
            }
        }
        into.put(key, value);
    }

    // AnyValue { oneof value { string string_value = 1; bool bool_value = 2; int64 int_value = 3; double double_value = 4;
    //                          ArrayValue array_value = 5; KeyValueList kvlist_value = 6; bytes bytes_value = 7; } }
    // ArrayValue { repeated AnyValue values = 1; }  KeyValueList { repeated KeyValue values = 1; }
    private static String anyValue(ProtoReader r) {
        String value = "";
        while (r.next()) {
            switch (r.field()) {
                case 1 -> value = r.string();
                case 2 -> value = Boolean.toString(r.varint() != 0);
                case 3 -> value = Long.toString(r.varint());
                case 4 -> value = Double.toString(r.doubleValue());
                case 5 -> {
                    List<String> values = new ArrayList<>();
                    ProtoReader array = r.message();
                    while (array.next()) {
                        if (array.field() == 1) {
                            values.add(anyValue(array.message()));
                        } else {
                            array.skip();
                        }
                    }
                    value = values.toString();
                }
                case 6 -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    ProtoReader list = r.message();
                    while (list.next()) {
                        if (list.field() == 1) {
                            keyValue(list.message(), values);
                        } else {
                            list.skip();
                        }
                    }
                    value = values.toString();
                }
                case 7 -> value = HEX.formatHex(r.bytes());
                default -> r.skip();
            }
        }
        return value;
    }

    private static String label(String[] labels, long value) {
        return value >= 0 && value < labels.length ? labels[(int) value] : "UNKNOWN(" + value + ")";
    }
}
