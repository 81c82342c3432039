package io.nbf.metrics;

import java.util.Locale;

/**
 * Why a call went to a degradation (or mock) bundle: the {@code nbf.degradation.reason} attribute of the
 * {@code nbf.calls.degraded} metric and of a span's {@code nbf.degraded} event, as {@link #attributeValue()}.
 */
public enum DegradationReason {
    /** No live bundle served the route. */
    NOT_FOUND,
    /** The call ran past the configured timeout. */
    TIMEOUT,
    /** The bundle threw an exception that degrades. */
    EXCEPTION,
    /** The bundle's circuit breaker was open (errors, or slow calls past the baseline). */
    BREAKER_OPEN,
    /** The weighted split sent the call to the degradation bundle. */
    THROTTLED,
    /** The bundle's rate limit was reached. */
    RATE_LIMITED,
    /** Mock routing ({@code force:}) sent the call to the mock bundle. */
    MOCK;

    private final String attributeValue = name().toLowerCase(Locale.ROOT);

    /** @return the name in lower case, e.g. {@code breaker_open} */
    public String attributeValue() {
        return attributeValue;
    }
}
