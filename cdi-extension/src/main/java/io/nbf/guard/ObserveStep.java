package io.nbf.guard;

import io.nbf.modules.mdc.BundleMdc;

/**
 * The outermost step when calls are traced or the MDC names their bundle: starts the call's span (a child
 * of the caller's, current while the steps below run, degradations included), puts the routed bundle into
 * the MDC, and restores both afterwards, also when the call throws. A degradation bundle's own call puts
 * that bundle into the MDC while it runs ({@link Fallback}).
 */
final class ObserveStep implements GuardStep {

    private final GuardStep next;
    private final boolean mdc;
    private final String spi;
    private final String bundle;
    private final String version;

    /**
     * @param bundle the routed bundle's id, {@code null} on the path of calls no live bundle serves
     * @param version its version, {@code null} likewise
     */
    ObserveStep(GuardStep next, boolean mdc, String spi, String bundle, String version) {
        this.next = next;
        this.mdc = mdc;
        this.spi = spi;
        this.bundle = bundle;
        this.version = version;
    }

    @Override
    public Object apply(GuardedCall call) throws Throwable {
        Object saved = mdc ? BundleMdc.enter(bundle, version, spi) : null;
        Object span = call.tracer().start(call.route().routeText());
        try {
            Object result = next.apply(call);
            call.tracer().end(span, null);
            return result;
        } catch (Throwable t) {
            call.tracer().end(span, t);
            throw t;
        } finally {
            if (saved != null) {
                BundleMdc.exit(saved);
            }
        }
    }
}
