/**
 * The bundle proxy's guard: passive degradation (service not found, timeout, exception), active
 * circuit breaking on a response-time baseline, throttling (a weighted split and a rate limit), mock
 * routing, and call metrics. Built on SmallRye Fault Tolerance's programmatic {@code Guard} where Fault
 * Tolerance has the primitive (circuit breaker, timeout, rate limit); degradation with the call's
 * arguments, the slow-call rule, the split and mock routing are built around it. Free of CDI.
 */
package io.nbf.guard;
