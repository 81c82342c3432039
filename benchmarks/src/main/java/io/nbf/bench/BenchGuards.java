package io.nbf.bench;

import io.nbf.config.GuardSettings;
import io.nbf.guard.GuardedDispatcher;
import io.nbf.metrics.CallMetrics;
import io.nbf.metrics.MicroProfileCallMetrics;
import io.nbf.modules.BundleEngine;
import io.smallrye.metrics.SharedMetricRegistries;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Guard set-ups outside CDI: SmallRye Fault Tolerance standalone, MicroProfile Metrics on SmallRye Metrics. */
final class BenchGuards {

    private BenchGuards() {
    }

    /** @param keyValues guard keys and values, alternating (see {@link GuardSettings}) */
    static GuardSettings settings(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return GuardSettings.read(key -> map.containsKey(key) ? new String[] {"bench." + key, map.get(key)} : null);
    }

    /** The application registry of SmallRye Metrics (Prometheus-backed Micrometer registry underneath). */
    static MetricRegistry registry() {
        return SharedMetricRegistries.getOrCreate(MetricRegistry.APPLICATION_SCOPE);
    }

    /** nbf's call metrics in {@link #registry()}. */
    static CallMetrics metrics() {
        return new MicroProfileCallMetrics(registry());
    }

    /**
     * A guarded dispatcher with Fault Tolerance ready, the given per-bundle settings and, if {@code metrics},
     * MicroProfile Metrics.
     */
    static GuardedDispatcher dispatcher(BundleEngine engine, boolean metrics, Map<String, GuardSettings> byBundle) {
        GuardedDispatcher d = new GuardedDispatcher(engine.registry(), BenchGuards.class.getClassLoader());
        if (!d.faultToleranceAvailable()) {
            throw new IllegalStateException("SmallRye Fault Tolerance is not on the class path");
        }
        d.faultToleranceReady();
        if (metrics) {
            d.metrics(metrics());
        }
        d.configure(Map.of(), byBundle, metrics);
        return d;
    }

    /** @return the count of nbf.calls recorded for a bundle, over all methods and versions */
    static long recordedCalls(String bundleId) {
        long sum = 0;
        for (Map.Entry<org.eclipse.microprofile.metrics.MetricID, Counter> e : registry().getCounters(
                (id, m) -> id.getName().equals("nbf.calls") && bundleId.equals(id.getTags().get("bundle"))).entrySet()) {
            sum += e.getValue().getCount();
        }
        return sum;
    }

    /** Fails the set-up unless {@code actual} equals {@code expected}: a benchmark must measure what it says. */
    static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark set-up check failed: " + what);
        }
    }
}
