package io.nbf.guard;

import io.nbf.api.CallRefusedException;
import io.nbf.metrics.DegradationReason;

/**
 * Passive degradation: a call below that fails, times out, or is refused by Fault Tolerance (open
 * breaker, rate limit: a {@link CallRefusedException}) goes with the same method and arguments to the degradation bundle, or to the
 * {@code fail:} mock bundle. A failure the plan does not degrade ({@code degrade-on}, {@code skip-on})
 * reaches the caller unchanged, and so does the original failure when the bundle degraded to is not live.
 */
final class DegradationStep implements GuardStep {

    private final GuardStep next;
    private final Fallback to;
    private final boolean mock;
    private final GuardPlan plan;

    /**
     * @param to where failed calls go
     * @param mock whether {@code to} is the {@code fail:} mock bundle (the calls count as {@link DegradationReason#MOCK})
     */
    DegradationStep(GuardStep next, Fallback to, boolean mock, GuardPlan plan) {
        this.next = next;
        this.to = to;
        this.mock = mock;
        this.plan = plan;
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
        if (failure instanceof CallRefusedException) {
            switch (((CallRefusedException) failure).reason()) {
                case TIMEOUT:
                    return DegradationReason.TIMEOUT;
                case BREAKER_OPEN:
                    return DegradationReason.BREAKER_OPEN;
                default:
                    return DegradationReason.RATE_LIMITED;
            }
        }
        return plan.degrades(failure) ? DegradationReason.EXCEPTION : null;
    }
}
