package io.nbf.metrics;

/** Why a call went to a degradation (or mock) bundle; a tag of the {@code nbf.calls.degraded} metric. */
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
    MOCK
}
