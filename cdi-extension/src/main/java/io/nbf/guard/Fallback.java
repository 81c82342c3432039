package io.nbf.guard;

import io.nbf.dispatch.BundleCall;
import io.nbf.dispatch.Entering;
import io.nbf.metrics.CallMetrics.MethodMetrics;
import io.nbf.metrics.DegradationReason;
import io.nbf.modules.mdc.BundleMdc;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.route.RouteBinding;

/**
 * Where degraded calls go: a degradation or mock bundle, found through its ID route. Calls it with the
 * same method and the same arguments, unguarded; records the call on both sides, adds the degradation to
 * the call's span, and names the bundle in the MDC while it runs. Thread-safe.
 */
final class Fallback {

    private final RouteBinding route;
    private final FallbackMetrics metrics;
    private final boolean recorded;
    private final boolean mdc;

    /**
     * @param route the ID route of the bundle calls degrade to
     * @param metrics where the calls it serves are recorded
     * @param recorded whether they are
     * @param mdc whether the MDC names the bundle while it serves a call
     */
    Fallback(RouteBinding route, FallbackMetrics metrics, boolean recorded, boolean mdc) {
        this.route = route;
        this.metrics = metrics;
        this.recorded = recorded;
        this.mdc = mdc;
    }

    /** Resolves the route again, dropping the entry it cached if the registry changed. */
    void refresh() {
        route.resolve();
    }

    /**
     * @param reason why the call degrades
     * @param failure what to raise if the bundle is not live; {@code null}: the call's not-found error
     */
    Object call(GuardedCall call, DegradationReason reason, Throwable failure) throws Throwable {
        ServiceEntry fallback = Entering.enter(route);
        if (fallback == null) {
            throw failure != null ? failure : call.route().notFound();
        }
        call.metrics().degraded(reason);
        call.tracer().degraded(reason.attributeValue(), call.entry() == null ? "-" : call.entry().bundleId(), fallback.bundleId());
        MethodMetrics served = recorded ? metrics.of(route.spi(), fallback, call.method()) : MethodMetrics.NONE;
        Object saved = mdc ? BundleMdc.enter(fallback.bundleId(), fallback.bundle().version().toString(), route.spi().getName()) : null;
        long start = System.nanoTime();
        try {
            Object result = BundleCall.invoke(fallback, call.method(), call.args());
            served.success(System.nanoTime() - start);
            return result;
        } catch (Throwable t) {
            served.failure(System.nanoTime() - start);
            throw t;
        } finally {
            if (saved != null) {
                BundleMdc.exit(saved);
            }
            fallback.exit();
        }
    }
}
