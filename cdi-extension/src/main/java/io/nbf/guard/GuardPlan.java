package io.nbf.guard;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The guard that applies to calls of one SPI on one bundle version: its bundle's keys over its SPI's
 * over the defaults, and its descriptor's degradation bundle where configuration names none. Immutable;
 * equal plans guard alike, so a changed plan means a fresh guard (and breaker).
 */
final class GuardPlan {

    static final int DEFAULT_WINDOW = 20;
    static final double DEFAULT_FAILURE_RATIO = 0.5;
    static final Duration DEFAULT_DELAY = Duration.ofSeconds(5);
    static final int DEFAULT_SUCCESS_THRESHOLD = 1;
    static final Duration DEFAULT_RATE_WINDOW = Duration.ofSeconds(1);

    final String degradation;
    final MockMode mockMode;
    final String mockBundle;
    final int degradePercent;
    final long baselineNanos;
    final boolean breaker;
    final int window;
    final double failureRatio;
    final Duration delay;
    final int successThreshold;
    final Duration timeout;
    final int rateLimit;
    final Duration rateWindow;
    final List<String> degradeOn;
    final List<String> skipOn;
    final boolean metrics;

    private GuardPlan(GuardSettings s, boolean metrics) {
        this.degradation = s.degradation;
        this.mockMode = s.mockMode;
        this.mockBundle = s.mockBundle;
        this.degradePercent = s.degradePercent == null ? 0 : s.degradePercent;
        this.baselineNanos = s.baseline == null ? 0 : s.baseline.toNanos();
        boolean breakerKeys = s.breakerWindow != null || s.breakerFailureRatio != null || s.breakerDelay != null
                || s.breakerSuccessThreshold != null;
        this.breaker = s.breaker != null ? s.breaker : (s.baseline != null || breakerKeys);
        this.window = s.breakerWindow == null ? DEFAULT_WINDOW : s.breakerWindow;
        this.failureRatio = s.breakerFailureRatio == null ? DEFAULT_FAILURE_RATIO : s.breakerFailureRatio;
        this.delay = s.breakerDelay == null ? DEFAULT_DELAY : s.breakerDelay;
        this.successThreshold = s.breakerSuccessThreshold == null ? DEFAULT_SUCCESS_THRESHOLD : s.breakerSuccessThreshold;
        this.timeout = s.timeout;
        this.rateLimit = s.rateLimit == null ? 0 : s.rateLimit;
        this.rateWindow = s.rateLimitWindow == null ? DEFAULT_RATE_WINDOW : s.rateLimitWindow;
        this.degradeOn = s.degradeOn;
        this.skipOn = s.skipOn;
        this.metrics = metrics;
    }

    /**
     * @param bundle the bundle's keys
     * @param spi the SPI's keys
     * @param declaredDegradation the bundle descriptor's degradation bundle, or {@code null}
     * @param metrics whether calls are recorded
     */
    static GuardPlan of(GuardSettings bundle, GuardSettings spi, String declaredDegradation, boolean metrics) {
        GuardSettings merged = bundle.orElse(spi);
        if (bundle.degradation == null && declaredDegradation != null) {
            merged.degradation = declaredDegradation; // the bundle's own declaration beats the SPI-wide key
        }
        return new GuardPlan(merged, metrics);
    }

    /** @return whether a breaker, a timeout or a rate limit needs SmallRye Fault Tolerance */
    boolean needsFaultTolerance() {
        return breaker || timeout != null || rateLimit > 0;
    }

    /** @return whether nothing at all guards the call, so the plain dispatch serves it */
    boolean isNoop() {
        return degradation == null && mockMode == null && degradePercent == 0 && baselineNanos == 0
                && !needsFaultTolerance() && !metrics;
    }

    /**
     * @return whether a failure degrades: it is one of {@code degrade-on} (default: every throwable) and
     *         not one of {@code skip-on}, matched by class name along its superclasses
     */
    boolean degrades(Throwable t) {
        return (degradeOn == null || isA(t, degradeOn)) && (skipOn == null || !isA(t, skipOn));
    }

    private static boolean isA(Throwable t, List<String> classNames) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (classNames.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    private Object[] fields() {
        return new Object[] {degradation, mockMode, mockBundle, degradePercent, baselineNanos, breaker, window, failureRatio,
            delay, successThreshold, timeout, rateLimit, rateWindow, degradeOn, skipOn, metrics};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GuardPlan && java.util.Arrays.equals(fields(), ((GuardPlan) o).fields());
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields());
    }
}
