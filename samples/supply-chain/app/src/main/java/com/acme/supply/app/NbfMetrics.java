package com.acme.supply.app;

import com.acme.supply.ConfigReadService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Reads what nbf records in the MicroProfile Metrics application registry. Every metric carries the tags
 * {@code spi}, {@code bundle}, {@code version} (and {@code method} for calls):
 * <ul>
 *   <li>{@code nbf.calls}: calls that reached the bundle; {@code nbf.calls.failed}: those that threw;</li>
 *   <li>{@code nbf.calls.duration}: a timer of those calls;</li>
 *   <li>{@code nbf.calls.degraded}, tag {@code reason}: calls meant for the bundle that went to its
 *       degradation bundle instead, counted on the bundle they were meant for;</li>
 *   <li>{@code nbf.breaker.state}: 0 closed, 1 open, 2 half-open, for bundles with a breaker.</li>
 * </ul>
 */
@ApplicationScoped
class NbfMetrics {

    static final String CALLS = "nbf.calls";
    static final String FAILED = "nbf.calls.failed";
    static final String DEGRADED = "nbf.calls.degraded";
    static final String DURATION = "nbf.calls.duration";
    static final String BREAKER = "nbf.breaker.state";

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    /** The calls of one bundle version, summed over its methods (and SPIs). */
    static final class Row {
        long calls;
        long failed;
        long durationCount;
        Duration elapsed = Duration.ZERO;
        double maxNanos;
        final Map<String, Long> degraded = new TreeMap<>();

        long degradedTotal() {
            return degraded.values().stream().mapToLong(Long::longValue).sum();
        }

        double meanMillis() {
            return durationCount == 0 ? 0 : elapsed.toNanos() / 1e6 / durationCount;
        }

        double maxMillis() {
            return maxNanos / 1e6;
        }
    }

    /** @return one row per bundle version that has any call metric, keyed {@code "<bundle> <version>"}, sorted */
    Map<String, Row> table() {
        Map<String, Row> rows = new TreeMap<>();
        for (Map.Entry<MetricID, Counter> e : registry.getCounters().entrySet()) {
            MetricID id = e.getKey();
            long count = e.getValue().getCount();
            switch (id.getName()) {
                case CALLS -> row(rows, id).calls += count;
                case FAILED -> row(rows, id).failed += count;
                case DEGRADED -> row(rows, id).degraded.merge(id.getTags().get("reason"), count, Long::sum);
                default -> { }
            }
        }
        for (Map.Entry<MetricID, Timer> e : registry.getTimers().entrySet()) {
            if (e.getKey().getName().equals(DURATION)) {
                Row row = row(rows, e.getKey());
                Timer t = e.getValue();
                row.durationCount += t.getCount();
                row.elapsed = row.elapsed.plus(t.getElapsedTime());
                // SmallRye Metrics (on Micrometer) keeps timer snapshots in nanoseconds
                row.maxNanos = Math.max(row.maxNanos, t.getSnapshot().getMax());
            }
        }
        return rows;
    }

    /** @return the degraded calls of a bundle (every version) by reason */
    Map<String, Long> degradedByReason(String bundle) {
        Map<String, Long> byReason = new TreeMap<>();
        registry.getCounters().forEach((id, counter) -> {
            if (id.getName().equals(DEGRADED) && bundle.equals(id.getTags().get("bundle"))) {
                byReason.merge(id.getTags().get("reason"), counter.getCount(), Long::sum);
            }
        });
        return byReason;
    }

    /** @return the breaker state of a bundle version as a word, or {@code "none"} if it has no breaker */
    String breaker(String bundle, String version) {
        Gauge<?> state = registry.getGauge(new MetricID(BREAKER, new Tag("spi", ConfigReadService.class.getName()),
                new Tag("bundle", bundle), new Tag("version", version)));
        if (state == null) {
            return "none";
        }
        return switch (state.getValue().intValue()) {
            case 0 -> "closed";
            case 1 -> "OPEN";
            case 2 -> "half-open";
            default -> "unknown";
        };
    }

    /** @return the value of a gauge without tags, such as {@code nbf.bundles.installed}, or -1 */
    long gauge(String name) {
        Gauge<?> g = registry.getGauge(new MetricID(name));
        return g == null ? -1 : g.getValue().longValue();
    }

    private static Row row(Map<String, Row> rows, MetricID id) {
        return rows.computeIfAbsent(id.getTags().get("bundle") + " " + id.getTags().get("version"), k -> new Row());
    }
}
