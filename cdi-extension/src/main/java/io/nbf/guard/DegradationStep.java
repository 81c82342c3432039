package io.nbf.guard;

import io.nbf.metrics.DegradationReason;

/**
 * Passive degradation: a call below that fails, times out, or is refused by Fault Tolerance (open
 * breaker, rate limit) goes with the same method and arguments to the degradation bundle, or to the
 * {@code fail:} mock bundle. A failure the plan does not degrade ({@code degrade-on}, {@code skip-on})
 * reaches the caller unchanged, and so does the original failure when the bundle degraded to is not live.
 */
final class DegradationStep implements GuardStep {

    private final GuardStep next;
    private final Fallback to;
    private final boolean mock;
    private final GuardPlan plan;
    private final boolean faultToleranceAvailable;

    /**
     * @param to where failed calls go
     * @param mock whether {@code to} is the {@code fail:} mock bundle (the calls count as {@link DegradationReason#MOCK})
     * @param faultToleranceAvailable whether Fault Tolerance's exception types can be loaded
     */
    DegradationStep(GuardStep next, Fallback to, boolean mock, GuardPlan plan, boolean faultToleranceAvailable) {
        this.next = next;
        this.to = to;
        this.mock = mock;
        this.plan = plan;
        this.faultToleranceAvailable = faultToleranceAvailable;
    }

    @Override
    public Object apply(GuardedCall call) throws Throwable {
        try {
            return next.apply(call);
        } catch (Throwable failure) {
            DegradationReason reason = reason(failure);
            if (reason == null) {
                throw failure;
            }
            return to.call(call, mock ? DegradationReason.MOCK : reason, failure);
        }
    }

    private DegradationReason reason(Throwable failure) {
        DegradationReason refusal = faultToleranceAvailable ? FaultTolerance.refusal(failure) : null;
        if (refusal != null) {
            return refusal;
        }
        return plan.degrades(failure) ? DegradationReason.EXCEPTION : null;
    }
}
