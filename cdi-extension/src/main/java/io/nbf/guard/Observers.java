package io.nbf.guard;

import io.nbf.metrics.CallMetrics;
import io.nbf.trace.CallTracer;

/**
 * What observes the calls of a guard: where they are recorded and traced, and whether the MDC names
 * their bundle. Immutable.
 *
 * @param metrics where calls are recorded, {@link CallMetrics#NONE} for nowhere
 * @param tracer where their spans go, {@link CallTracer#NONE} for nowhere
 * @param mdc whether the MDC holds the bundle during a call
 */
record Observers(CallMetrics metrics, CallTracer tracer, boolean mdc) {

    static final Observers NONE = new Observers(CallMetrics.NONE, CallTracer.NONE, false);

    /** @return whether anything observes the calls: if not, and nothing guards them, they take the plain path */
    boolean any() {
        return metrics != CallMetrics.NONE || tracer != CallTracer.NONE || mdc;
    }

    /** @return whether spans are started or the MDC is set, which {@link ObserveStep} does */
    boolean wrapsCalls() {
        return tracer != CallTracer.NONE || mdc;
    }
}
