package io.nbf.guard;

import io.nbf.metrics.DegradationReason;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The weighted split ({@code throttle.degrade-percent}): its share of the calls goes straight to the
 * degradation bundle ({@link DegradationReason#THROTTLED}), the rest on down.
 */
final class ThrottleStep implements GuardStep {

    private final GuardStep next;
    private final int percent;
    private final Fallback degradation;

    ThrottleStep(GuardStep next, int percent, Fallback degradation) {
        this.next = next;
        this.percent = percent;
        this.degradation = degradation;
    }

    @Override
    public Object apply(GuardedCall call) throws Throwable {
        if (ThreadLocalRandom.current().nextInt(100) < percent) {
            return degradation.call(call, DegradationReason.THROTTLED, null);
        }
        return next.apply(call);
    }
}
