package io.nbf.guard;

import io.nbf.metrics.DegradationReason;

/**
 * No live bundle on the route: the call degrades ({@link DegradationReason#NOT_FOUND}), or, with no
 * degradation bundle, raises the route's {@link io.nbf.api.ServiceNotFoundException}.
 */
final class NotFoundStep implements GuardStep {

    private final GuardStep next;
    private final Fallback degradation;

    /** @param degradation where the call goes, or {@code null} for none */
    NotFoundStep(GuardStep next, Fallback degradation) {
        this.next = next;
        this.degradation = degradation;
    }

    @Override
    public Object apply(GuardedCall call) throws Throwable {
        if (call.entry() != null) {
            return next.apply(call);
        }
        if (degradation == null) {
            throw call.route().notFound();
        }
        return degradation.call(call, DegradationReason.NOT_FOUND, call.route().notFound());
    }
}
