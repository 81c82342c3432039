package io.nbf.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Call metrics in a MicroProfile Metrics registry. Only loaded when the API is on the class path;
 * see {@link #isAvailable(ClassLoader)}.
 */
public final class MicroProfileCallMetrics implements CallMetrics {

    private final MetricRegistry registry;

    /** @param registry a {@code org.eclipse.microprofile.metrics.MetricRegistry}, typed as Object so callers need not load it */
    public MicroProfileCallMetrics(Object registry) {
        this.registry = (MetricRegistry) registry;
    }

    /** @return whether the MicroProfile Metrics API is visible to {@code loader} */
    public static boolean isAvailable(ClassLoader loader) {
        try {
            Class.forName("org.eclipse.microprofile.metrics.MetricRegistry", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public MethodMetrics method(String spi, String bundle, String version, String method) {
        Tag[] tags = {new Tag("spi", spi), new Tag("bundle", bundle), new Tag("version", version), new Tag("method", method)};
        return new Method(registry.counter("nbf.calls", tags), registry.counter("nbf.calls.failed", tags),
                registry.timer("nbf.calls.duration", tags), tags);
    }

    @Override
    public Runnable breakerGauge(String spi, String bundle, String version, IntSupplier state) {
        Tag[] tags = {new Tag("spi", spi), new Tag("bundle", bundle), new Tag("version", version)};
        registry.gauge("nbf.breaker.state", state::getAsInt, tags);
        MetricID id = new MetricID("nbf.breaker.state", tags);
        return () -> registry.remove(id);
    }

    @Override
    public Runnable bundleGauges(LongSupplier installed, LongSupplier active, LongSupplier live) {
        Runnable a = replaceGauge("nbf.bundles.installed", installed);
        Runnable b = replaceGauge("nbf.bundles.active", active);
        Runnable c = replaceGauge("nbf.bundles.live", live);
        return () -> {
            a.run();
            b.run();
            c.run();
        };
    }

    /**
     * Registers a gauge in place of one of the same id: a registry keeps the first supplier registered under
     * an id (SmallRye Metrics ignores a second registration), which after a container restart in the same
     * JVM would read a closed engine.
     */
    private Runnable replaceGauge(String name, LongSupplier value) {
        MetricID id = new MetricID(name);
        registry.remove(id);
        Gauge<Long> mine = registry.gauge(name, value::getAsLong);
        return () -> {
            Gauge<?> now = registry.getGauges().get(id);
            if (now == null || now == mine) {
                registry.remove(id); // not a gauge a later container registered since
            }
        };
    }

    private final class Method implements MethodMetrics {
        private final Counter calls;
        private final Counter failed;
        private final Timer duration;
        private final Tag[] tags;
        private final AtomicReferenceArray<Counter> degraded = new AtomicReferenceArray<>(DegradationReason.values().length);

        Method(Counter calls, Counter failed, Timer duration, Tag[] tags) {
            this.calls = calls;
            this.failed = failed;
            this.duration = duration;
            this.tags = tags;
        }

        @Override
        public void success(long nanos) {
            calls.inc();
            duration.update(Duration.ofNanos(nanos));
        }

        @Override
        public void failure(long nanos) {
            calls.inc();
            failed.inc();
            duration.update(Duration.ofNanos(nanos));
        }

        @Override
        public void degraded(DegradationReason reason) {
            Counter c = degraded.get(reason.ordinal());
            if (c == null) {
                Tag[] withReason = java.util.Arrays.copyOf(tags, tags.length + 1);
                withReason[tags.length] = new Tag("reason", reason.name());
                c = registry.counter("nbf.calls.degraded", withReason);
                degraded.set(reason.ordinal(), c);
            }
            c.inc();
        }
    }
}
