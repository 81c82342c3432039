package io.nbf.guard;

import io.nbf.config.GuardSettings;
import io.nbf.config.MockMode;
import java.time.Duration;
import java.util.List;

/**
 * The guard that applies to calls of one SPI on one bundle version: its bundle's keys over its SPI's
 * over the defaults, and its descriptor's degradation bundle where configuration names none. Immutable;
 * equal plans guard alike, so a changed plan means a fresh guard (and breaker).
 *
 * @param degradation the bundle failed calls go to, or {@code null}
 * @param mockMode the mock route's mode, or {@code null} for none
 * @param mockBundle the mock route's bundle, or {@code null}
 * @param degradePercent the share of calls the split sends to {@code degradation}, 0 for none
 * @param baselineNanos calls slower than this count as breaker failures; 0 for no baseline
 * @param breaker whether a circuit breaker guards the calls
 * @param window the breaker's rolling window, in calls
 * @param failureRatio the failed share of the window that opens the breaker
 * @param delay how long the breaker stays open
 * @param successThreshold half-open probes that must succeed to close it
 * @param timeout the Fault Tolerance timeout, or {@code null}
 * @param rateLimit calls per {@code rateWindow}, 0 for no limit
 * @param rateWindow the rate limit's window
 * @param degradeOn the exception classes that degrade, {@code null} for all
 * @param skipOn the exception classes that never degrade, {@code null} for none
 * @param observed whether anything records or traces the calls, or names their bundle in the MDC
 */
record GuardPlan(
        String degradation,
        MockMode mockMode,
        String mockBundle,
        int degradePercent,
        long baselineNanos,
        boolean breaker,
        int window,
        double failureRatio,
        Duration delay,
        int successThreshold,
        Duration timeout,
        int rateLimit,
        Duration rateWindow,
        List<String> degradeOn,
        List<String> skipOn,
        boolean observed) {

    static final int DEFAULT_WINDOW = 20;
    static final double DEFAULT_FAILURE_RATIO = 0.5;
    static final Duration DEFAULT_DELAY = Duration.ofSeconds(5);
    static final int DEFAULT_SUCCESS_THRESHOLD = 1;
    static final Duration DEFAULT_RATE_WINDOW = Duration.ofSeconds(1);

    /**
     * @param bundle the bundle's keys
     * @param spi the SPI's keys
     * @param declaredDegradation the bundle descriptor's degradation bundle, or {@code null}
     * @param observed whether anything observes the calls (see {@link Observers#any()})
     */
    static GuardPlan of(GuardSettings bundle, GuardSettings spi, String declaredDegradation, boolean observed) {
        GuardSettings s = bundle.orElse(spi);
        if (bundle.degradation() == null && declaredDegradation != null) {
            s = s.withDegradation(declaredDegradation); // the bundle's own declaration beats the SPI-wide key
        }
        boolean breakerKeys = s.breakerWindow() != null || s.breakerFailureRatio() != null || s.breakerDelay() != null
                || s.breakerSuccessThreshold() != null;
        return new GuardPlan(
                s.degradation(),
                s.mockMode(),
                s.mockBundle(),
                s.degradePercent() == null ? 0 : s.degradePercent(),
                s.baseline() == null ? 0 : s.baseline().toNanos(),
                s.breaker() != null ? s.breaker() : (s.baseline() != null || breakerKeys),
                s.breakerWindow() == null ? DEFAULT_WINDOW : s.breakerWindow(),
                s.breakerFailureRatio() == null ? DEFAULT_FAILURE_RATIO : s.breakerFailureRatio(),
                s.breakerDelay() == null ? DEFAULT_DELAY : s.breakerDelay(),
                s.breakerSuccessThreshold() == null ? DEFAULT_SUCCESS_THRESHOLD : s.breakerSuccessThreshold(),
                s.timeout(),
                s.rateLimit() == null ? 0 : s.rateLimit(),
                s.rateLimitWindow() == null ? DEFAULT_RATE_WINDOW : s.rateLimitWindow(),
                s.degradeOn(),
                s.skipOn(),
                observed);
    }

    /** @return whether a breaker, a timeout or a rate limit needs SmallRye Fault Tolerance */
    boolean needsFaultTolerance() {
        return breaker || timeout != null || rateLimit > 0;
    }

    /** @return whether nothing at all guards the call, so the plain path serves it */
    boolean isNoop() {
        return degradation == null && mockMode == null && degradePercent == 0 && baselineNanos == 0
                && !needsFaultTolerance() && !observed;
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
}
