package io.nbf.tck.support;

import io.nbf.tck.porting.Porting;
import io.nbf.tck.porting.TelemetryReader;
import io.nbf.tck.porting.TelemetryReader.MetricPoint;
import io.nbf.tck.porting.TelemetryReader.RecordedSpan;
import io.nbf.tck.spi.PriceService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the TCK asks of the runner's {@link TelemetryReader}: nbf's metric points and spans. */
public final class Telemetry {

    private Telemetry() {
    }

    /** @return the attributes of a call of the TCK's SPI on a bundle version 1.0 */
    public static Map<String, String> call(String bundle, String method) {
        return Map.of("nbf.spi", PriceService.class.getName(), "nbf.method", method, "nbf.bundle.id", bundle,
                "nbf.bundle.version", "1.0");
    }

    /** @return {@code attributes} and the reason */
    public static Map<String, String> degraded(String bundle, String method, String reason) {
        Map<String, String> a = new HashMap<>(call(bundle, method));
        a.put("nbf.degradation.reason", reason);
        return a;
    }

    /** @return the latest point of the stream with exactly these attributes, if exported */
    public static Optional<MetricPoint> point(String name, Map<String, String> attributes) {
        return Porting.telemetry().metrics().stream()
                .filter(p -> p.name().equals(name) && p.attributes().equals(attributes)).findFirst();
    }

    /** @return the value (a counter's total, a gauge's value), 0 if not exported yet */
    public static long value(String name, Map<String, String> attributes) {
        return point(name, attributes).map(p -> Math.round(p.value())).orElse(0L);
    }

    /** @return a histogram's count, 0 if not exported yet */
    public static long count(String name, Map<String, String> attributes) {
        return point(name, attributes).map(MetricPoint::count).orElse(0L);
    }

    /** @return the spans exported so far */
    public static List<RecordedSpan> spans() {
        return Porting.telemetry().spans();
    }

    /** @return what the reader has, for an assertion's message */
    public static String describe() {
        TelemetryReader r = Porting.telemetry();
        return r + ": metrics " + r.metrics() + ", spans " + r.spans();
    }
}
