package io.nbf.config;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * What nbf tells operators about calls and bundles, re-read with the other dynamic keys:
 *
 * <pre>
 * nbf.metrics.enabled=true                  # record calls in OpenTelemetry metrics, when the host has a meter provider
 * nbf.tracing.enabled=true                  # a span per routed call, when the host has a tracer provider
 * nbf.mdc.enabled=true                      # bundle id, version and SPI in the logging MDC during calls
 * nbf.health.required-bundles=hema-fresh    # readiness is DOWN while one of these is failed or not live
 * </pre>
 *
 * A call that no guard setting applies to and that nothing of this observes takes the plain path (see
 * {@code io.nbf.guard.GuardedDispatcher}). Immutable.
 *
 * @param metrics whether calls are recorded
 * @param tracing whether calls are traced
 * @param mdc whether calls and hooks put the bundle into the MDC
 * @param requiredBundles the bundle ids readiness waits for, sorted; empty by default
 */
public record ObservationSettings(boolean metrics, boolean tracing, boolean mdc, Set<String> requiredBundles) {

    /** Whether calls are recorded in OpenTelemetry metrics (when the host has them). Default true. */
    public static final String METRICS_ENABLED = "nbf.metrics.enabled";
    /** Whether each routed call is a span (when the host traces). Default true. */
    public static final String TRACING_ENABLED = "nbf.tracing.enabled";
    /** Whether calls and bundle hooks put {@code nbf.bundle.id}, {@code nbf.bundle.version}, {@code nbf.spi} in the MDC. Default true. */
    public static final String MDC_ENABLED = "nbf.mdc.enabled";
    /** Bundle ids, comma-separated, without which the application is not ready. Default none. */
    public static final String REQUIRED_BUNDLES = "nbf.health.required-bundles";
    /** Every key of this record. */
    static final List<String> KEYS = List.of(METRICS_ENABLED, TRACING_ENABLED, MDC_ENABLED, REQUIRED_BUNDLES);

    /** Everything on, no bundle required. */
    public static final ObservationSettings DEFAULTS = new ObservationSettings(true, true, true, Set.of());

    /** Nothing observed: with no guard setting, calls take the plain path. */
    public static final ObservationSettings OFF = new ObservationSettings(false, false, false, Set.of());

    public ObservationSettings {
        requiredBundles = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(requiredBundles)); // sorted: health data reads stably
    }

    /**
     * @throws IllegalArgumentException naming the key, for a flag that is not {@code true} or {@code false}
     */
    static ObservationSettings read(Config config) {
        Set<String> required = new TreeSet<>();
        config.getOptionalValue(REQUIRED_BUNDLES, String.class).ifPresent(v -> Arrays.stream(v.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).forEach(required::add));
        return new ObservationSettings(flag(config, METRICS_ENABLED), flag(config, TRACING_ENABLED), flag(config, MDC_ENABLED),
                required);
    }

    private static boolean flag(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(v -> {
            String t = v.trim();
            if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(t);
            }
            throw new IllegalArgumentException(key + ": '" + v + "' is not true or false");
        }).orElse(true);
    }
}
