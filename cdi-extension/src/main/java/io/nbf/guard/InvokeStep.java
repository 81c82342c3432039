package io.nbf.guard;

import io.nbf.dispatch.BundleCall;

/**
 * The bottom step: calls the entered bundle, records the call, and applies the slow-call rule. Fault
 * Tolerance's breaker counts exceptions, so a call that succeeds but takes longer than the baseline
 * leaves as a {@link SlowCall} carrying its result; {@link FaultToleranceStep} counts it as a failure
 * and hands the caller the result. Durations come from two {@link System#nanoTime()} reads on the
 * calling thread: no timer, no thread.
 */
final class InvokeStep implements GuardStep {

    /** The step of a plain call: no baseline. */
    static final InvokeStep PLAIN = new InvokeStep(0);

    private final long baselineNanos;

    /** @param baselineNanos calls slower than this leave as a {@link SlowCall}; 0 for none */
    InvokeStep(long baselineNanos) {
        this.baselineNanos = baselineNanos;
    }

    @Override
    public Object apply(GuardedCall call) throws Throwable {
        long start = System.nanoTime();
        Object result;
        try {
            result = BundleCall.invoke(call.entry(), call.method(), call.args());
        } catch (Throwable t) {
            call.metrics().failure(System.nanoTime() - start);
            throw t;
        }
        long nanos = System.nanoTime() - start;
        call.metrics().success(nanos);
        if (baselineNanos > 0 && nanos > baselineNanos) {
            throw new SlowCall(result);
        }
        return result;
    }

    /** A successful call slower than the baseline, leaving the guarded action so the breaker counts it. */
    static final class SlowCall extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Object result;

        SlowCall(Object result) {
            super("slower than the baseline", null, false, false);
            this.result = result;
        }
    }
}
