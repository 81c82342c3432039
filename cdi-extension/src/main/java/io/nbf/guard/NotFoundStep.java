package io.nbf.guard;

import io.nbf.metrics.DegradationReason;

/**
 * No live bundle on the route (the call's entry is {@code null}): the call degrades
 * ({@link DegradationReason#NOT_FOUND}), or, with no degradation bundle, raises the route's
 * {@link io.nbf.api.ServiceNotFoundException}. The guard sends only such calls here.
 */
final class NotFoundStep implements GuardStep {

    /** The step of an unguarded call that finds no entry. */
    static final NotFoundStep PLAIN = new NotFoundStep(null);

    private final Fallback degradation;

    /** @param degradation where the call goes, or {@code null} for none */
    NotFoundStep(Fallback degradation) {
        this.degradation = degradation;
    }

    @Override
    public Object apply(GuardedCall call) throws Throwable {
        if (degradation == null) {
            throw call.route().notFound();
        }
        return degradation.call(call, DegradationReason.NOT_FOUND, call.route().notFound());
    }
}
