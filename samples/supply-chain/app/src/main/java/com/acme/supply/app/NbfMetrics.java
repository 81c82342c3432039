package com.acme.supply.app;

import com.acme.supply.ConfigReadService;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads what nbf records as OpenTelemetry metrics (instrumentation scope {@code io.nbf}), from the SDK's
 * in-memory reader ({@link SampleTelemetry}). The call instruments carry the attributes {@code nbf.spi},
 * {@code nbf.method}, {@code nbf.bundle.id}, {@code nbf.bundle.version}:
 * <ul>
 *   <li>{@code nbf.calls}: calls a bundle served; {@code nbf.calls.failed}: those that threw;</li>
 *   <li>{@code nbf.call.duration}: a histogram of those calls, in seconds;</li>
 *   <li>{@code nbf.calls.degraded}, and {@code nbf.degradation.reason} ({@code exception}, {@code timeout},
 *       {@code breaker_open}, {@code throttled}, ...): calls meant for the bundle that went to its degradation
 *       bundle instead, counted on the bundle they were meant for;</li>
 *   <li>{@code nbf.breaker.state} ({@code nbf.spi}, {@code nbf.bundle.id}, {@code nbf.bundle.version}): 0 closed,
 *       1 open, 2 half-open, for bundles with a breaker;</li>
 *   <li>{@code nbf.bundles.installed}, {@code .active}, {@code .live}: bundle versions, without attributes.</li>
 * </ul>
 */
@ApplicationScoped
class NbfMetrics {

    static final String SCOPE = "io.nbf";
    static final String CALLS = "nbf.calls";
    static final String FAILED = "nbf.calls.failed";
    static final String DEGRADED = "nbf.calls.degraded";
    static final String DURATION = "nbf.call.duration";
    static final String BREAKER = "nbf.breaker.state";

    static final AttributeKey<String> SPI = AttributeKey.stringKey("nbf.spi");
    static final AttributeKey<String> BUNDLE = AttributeKey.stringKey("nbf.bundle.id");
    static final AttributeKey<String> VERSION = AttributeKey.stringKey("nbf.bundle.version");
    static final AttributeKey<String> REASON = AttributeKey.stringKey("nbf.degradation.reason");

    /** The calls of one bundle version, summed over its methods (and SPIs). */
    static final class Row {
        long calls;
        long failed;
        long durationCount;
        double durationSeconds;
        double maxSeconds;
        final Map<String, Long> degraded = new TreeMap<>();

        long degradedTotal() {
            return degraded.values().stream().mapToLong(Long::longValue).sum();
        }

        double meanMillis() {
            return durationCount == 0 ? 0 : durationSeconds * 1e3 / durationCount;
        }

        double maxMillis() {
            return maxSeconds * 1e3;
        }
    }

    /** @return one row per bundle version that has any call metric, keyed {@code "<bundle> <version>"}, sorted */
    Map<String, Row> table() {
        Map<String, Row> rows = new TreeMap<>();
        for (MetricData m : nbf()) {
            switch (m.getName()) {
                case CALLS -> longPoints(m).forEach(p -> row(rows, p.getAttributes()).calls += p.getValue());
                case FAILED -> longPoints(m).forEach(p -> row(rows, p.getAttributes()).failed += p.getValue());
                case DEGRADED -> longPoints(m).forEach(p ->
                        row(rows, p.getAttributes()).degraded.merge(p.getAttributes().get(REASON), p.getValue(), Long::sum));
                case DURATION -> m.getHistogramData().getPoints().forEach(h -> {
                    Row row = row(rows, h.getAttributes());
                    row.durationCount += h.getCount();
                    row.durationSeconds += h.getSum();
                    if (h.hasMax()) {
                        row.maxSeconds = Math.max(row.maxSeconds, h.getMax());
                    }
                });
                default -> { }
            }
        }
        return rows;
    }

    /** @return the degraded calls of a bundle (every version) by reason */
    Map<String, Long> degradedByReason(String bundle) {
        Map<String, Long> byReason = new TreeMap<>();
        metric(DEGRADED).ifPresent(m -> longPoints(m).filter(p -> bundle.equals(p.getAttributes().get(BUNDLE)))
                .forEach(p -> byReason.merge(p.getAttributes().get(REASON), p.getValue(), Long::sum)));
        return byReason;
    }

    /** @return the breaker state of a bundle version as a word, or {@code "none"} if it has no breaker */
    String breaker(String bundle, String version) {
        Optional<Long> state = metric(BREAKER).flatMap(m -> longPoints(m)
                .filter(p -> ConfigReadService.class.getName().equals(p.getAttributes().get(SPI))
                        && bundle.equals(p.getAttributes().get(BUNDLE)) && version.equals(p.getAttributes().get(VERSION)))
                .map(LongPointData::getValue).findFirst());
        if (state.isEmpty()) {
            return "none";
        }
        return switch (state.get().intValue()) {
            case 0 -> "closed";
            case 1 -> "OPEN";
            case 2 -> "half-open";
            default -> "unknown";
        };
    }

    /** @return the value of an instrument without attributes, such as {@code nbf.bundles.installed}, or -1 */
    long gauge(String name) {
        return metric(name).flatMap(m -> longPoints(m).filter(p -> p.getAttributes().isEmpty()).map(LongPointData::getValue)
                .findFirst()).orElse(-1L);
    }

    /** @return the names of the metrics the SDK holds, of every instrumentation scope, e.g. to look for FT's own */
    List<String> allNames() {
        return SampleTelemetry.metrics().stream().map(MetricData::getName).distinct().sorted().toList();
    }

    private static List<MetricData> nbf() {
        return SampleTelemetry.metrics().stream().filter(m -> m.getInstrumentationScopeInfo().getName().equals(SCOPE)).toList();
    }

    private static Optional<MetricData> metric(String name) {
        return nbf().stream().filter(m -> m.getName().equals(name)).findFirst();
    }

    /** The points of a counter, an up-down counter or a gauge with long values. */
    private static Stream<LongPointData> longPoints(MetricData m) {
        return switch (m.getType()) {
            case LONG_SUM -> m.getLongSumData().getPoints().stream();
            case LONG_GAUGE -> m.getLongGaugeData().getPoints().stream();
            default -> Stream.empty();
        };
    }

    private static Row row(Map<String, Row> rows, Attributes attributes) {
        return rows.computeIfAbsent(attributes.get(BUNDLE) + " " + attributes.get(VERSION), k -> new Row());
    }
}
