package io.nbf.metrics;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import io.opentelemetry.api.metrics.ObservableLongUpDownCounter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Call metrics as OpenTelemetry instruments of the scope {@value #SCOPE} (names and attributes in
 * {@link io.nbf.metrics}). Only loaded when the OpenTelemetry API is visible; see {@link #isAvailable}.
 * Attributes are built once per SPI, method, bundle and version (and reason), never per call.
 */
public final class OpenTelemetryCallMetrics implements CallMetrics {

    /** The instrumentation scope of nbf's metrics and spans. */
    public static final String SCOPE = "io.nbf";

    static final AttributeKey<String> SPI = AttributeKey.stringKey("nbf.spi");
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("nbf.method");
    static final AttributeKey<String> BUNDLE = AttributeKey.stringKey("nbf.bundle.id");
    static final AttributeKey<String> VERSION = AttributeKey.stringKey("nbf.bundle.version");
    static final AttributeKey<String> REASON = AttributeKey.stringKey("nbf.degradation.reason");

    /**
     * Bucket bounds of the duration histogram, in seconds, from 5 µs to 10 s: in-JVM calls are far faster
     * than the SDK's default bounds (made for HTTP, in milliseconds) resolve.
     */
    static final List<Double> DURATION_BUCKETS = List.of(0.000005, 0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005,
            0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

    private final Meter meter;
    private final LongCounter calls;
    private final LongCounter failed;
    private final LongCounter degraded;
    private final DoubleHistogram duration;
    /** The breakers the one {@code nbf.breaker.state} gauge reports, by their attributes. */
    private final Map<Attributes, IntSupplier> breakers = new ConcurrentHashMap<>();
    private final ObservableLongGauge breakerGauge;

    /**
     * @param meterProvider an {@code io.opentelemetry.api.metrics.MeterProvider}, typed as Object so callers need not load it
     * @param version nbf's version, the scope's version
     */
    public OpenTelemetryCallMetrics(Object meterProvider, String version) {
        this.meter = ((MeterProvider) meterProvider).meterBuilder(SCOPE).setInstrumentationVersion(version).build();
        this.calls = meter.counterBuilder("nbf.calls").setUnit("{call}")
                .setDescription("Calls a bundle served, as the bundle routed to or as a degradation bundle").build();
        this.failed = meter.counterBuilder("nbf.calls.failed").setUnit("{call}")
                .setDescription("Calls a bundle served that threw").build();
        this.degraded = meter.counterBuilder("nbf.calls.degraded").setUnit("{call}")
                .setDescription("Calls routed to a bundle that went to a degradation or mock bundle instead, by reason").build();
        this.duration = meter.histogramBuilder("nbf.call.duration").setUnit("s")
                .setDescription("How long a bundle took to serve a call").setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
        this.breakerGauge = meter.gaugeBuilder("nbf.breaker.state").ofLongs().setUnit("{state}")
                .setDescription("The circuit breaker of an SPI on a bundle version: 0 closed, 1 open, 2 half-open")
                .buildWithCallback(m -> breakers.forEach((attributes, state) -> m.record(state.getAsInt(), attributes)));
    }

    /**
     * @return whether the OpenTelemetry API is visible to {@code loader}
     */
    public static boolean isAvailable(ClassLoader loader) {
        try {
            Class.forName("io.opentelemetry.api.OpenTelemetry", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * @param meterProvider an {@code io.opentelemetry.api.metrics.MeterProvider}
     * @return whether it records anything: not the API's no-op provider
     */
    public static boolean records(Object meterProvider) {
        return meterProvider != null && meterProvider != MeterProvider.noop();
    }

    @Override
    public MethodMetrics method(String spi, String bundle, String version, String method) {
        return new Method(Attributes.of(SPI, spi, METHOD, method, BUNDLE, bundle, VERSION, version));
    }

    @Override
    public Runnable breakerGauge(String spi, String bundle, String version, IntSupplier state) {
        Attributes attributes = Attributes.of(SPI, spi, BUNDLE, bundle, VERSION, version);
        breakers.put(attributes, state);
        return () -> breakers.remove(attributes, state);
    }

    @Override
    public Runnable bundleGauges(LongSupplier installed, LongSupplier active, LongSupplier live) {
        List<ObservableLongUpDownCounter> gauges = List.of(
                bundles("nbf.bundles.installed", "Bundle versions installed", installed),
                bundles("nbf.bundles.active", "Bundle versions started (a retained former version is started)", active),
                bundles("nbf.bundles.live", "Bundle versions serving calls", live));
        return () -> gauges.forEach(ObservableLongUpDownCounter::close);
    }

    private ObservableLongUpDownCounter bundles(String name, String description, LongSupplier value) {
        return meter.upDownCounterBuilder(name).setUnit("{bundle}").setDescription(description)
                .buildWithCallback(m -> m.record(value.getAsLong()));
    }

    /** Stops reporting the breakers; the SDK keeps the instruments of a closed meter until it shuts down. */
    @Override
    public void close() {
        breakerGauge.close();
        breakers.clear();
    }

    private final class Method implements MethodMetrics {
        private final Attributes attributes;
        private final AtomicReferenceArray<Attributes> byReason = new AtomicReferenceArray<>(DegradationReason.values().length);

        Method(Attributes attributes) {
            this.attributes = attributes;
        }

        @Override
        public void success(long nanos) {
            calls.add(1, attributes);
            duration.record(nanos / 1e9, attributes);
        }

        @Override
        public void failure(long nanos) {
            calls.add(1, attributes);
            failed.add(1, attributes);
            duration.record(nanos / 1e9, attributes);
        }

        @Override
        public void degraded(DegradationReason reason) {
            Attributes a = byReason.get(reason.ordinal());
            if (a == null) {
                a = attributes.toBuilder().put(REASON, reason.attributeValue()).build();
                byReason.set(reason.ordinal(), a);
            }
            degraded.add(1, a);
        }
    }
}
