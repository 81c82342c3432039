package io.nbf.guard;

import io.nbf.config.MockMode;
import io.nbf.dispatch.RouteTarget;
import io.nbf.metrics.CallMetrics;
import io.nbf.metrics.CallMetrics.MethodMetrics;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.route.Route;
import io.nbf.route.RouteBinding;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The guard of one SPI on one bundle version: its plan, the chain of {@link GuardStep}s the plan needs,
 * its Fault Tolerance guard (with the circuit breaker's state) if the plan needs one, and its metrics.
 * Thread-safe.
 */
final class BundleGuard {

    final GuardPlan plan;
    private final String spi;
    private final String bundle;
    private final String version;
    private final CallMetrics metrics;
    private final Map<Method, MethodMetrics> methods = new ConcurrentHashMap<>();
    private final boolean hasFaultTolerance;
    private final Runnable unregisterGauge;
    /** The steps of a call the route found a live entry for. */
    private final GuardStep chain;
    /** The step of a call it found none for. */
    private final GuardStep notFound;
    private volatile int breakerState;

    /**
     * @param spi the SPI
     * @param bundle the bundle id, empty for the guard of a route no bundle serves
     * @param version its version, empty likewise
     * @param metrics where calls are recorded, if the plan records them
     * @param faultToleranceReady whether Fault Tolerance guards can be built now
     */
    BundleGuard(GuardPlan plan, Class<?> spi, String bundle, String version, CallMetrics metrics, boolean faultToleranceReady,
            GuardResources resources) {
        this.plan = plan;
        this.spi = spi.getName();
        this.bundle = bundle;
        this.version = version;
        this.metrics = plan.metrics() ? metrics : CallMetrics.NONE;
        Object faultTolerance = null;
        if (plan.needsFaultTolerance() && faultToleranceReady && !bundle.isEmpty()) {
            faultTolerance = FaultTolerance.build(plan, "nbf " + this.spi + " on " + bundle + ":" + version,
                    this::countsAsFailure, s -> breakerState = s, resources.host());
        }
        this.hasFaultTolerance = faultTolerance != null;
        this.unregisterGauge = hasFaultTolerance && plan.breaker()
                ? this.metrics.breakerGauge(this.spi, bundle, version, () -> breakerState) : null;
        Fallback degradation = plan.degradation() == null ? null : fallback(spi, plan.degradation(), resources);
        if (plan.mockMode() == MockMode.FORCE) {
            this.chain = new MockStep(fallback(spi, plan.mockBundle(), resources));
            this.notFound = chain;
        } else {
            this.chain = chain(spi, faultTolerance, degradation, resources);
            this.notFound = new NotFoundStep(degradation);
        }
    }

    /**
     * The steps the plan needs for a call on a live entry, outermost first (see {@link GuardStep}). A call the
     * route found no entry for takes the {@link NotFoundStep} instead: choosing between the two here, not in a
     * step of the chain, keeps the chain one call shallower, which matters under SmallRye's deep guard, where
     * the JIT's inlining depth runs out.
     */
    private GuardStep chain(Class<?> spiType, Object faultTolerance, Fallback degradation, GuardResources resources) {
        GuardStep step = faultTolerance == null ? InvokeStep.PLAIN
                : new FaultToleranceStep(new InvokeStep(plan.baselineNanos()), faultTolerance, plan, spi, bundle, version);
        step = new EnterStep(step);
        boolean failMock = plan.mockMode() == MockMode.FAIL;
        Fallback failTo = failMock ? fallback(spiType, plan.mockBundle(), resources) : degradation;
        if (failTo != null) {
            step = new DegradationStep(step, failTo, failMock, plan);
        }
        if (plan.degradePercent() > 0 && degradation != null) {
            step = new ThrottleStep(step, plan.degradePercent(), degradation);
        }
        return step;
    }

    private Fallback fallback(Class<?> spiType, String bundleId, GuardResources resources) {
        return new Fallback(RouteBinding.fixed(resources.registry(), spiType, Route.id(bundleId)), resources.fallbackMetrics(),
                plan.metrics());
    }

    /**
     * Guards one call.
     *
     * @param entry the entry the route selected, not entered; {@code null} if none
     * @return what the call returned, or {@link GuardStep#RETRY} if the entry was retired before the call entered it
     */
    Object call(RouteTarget route, ServiceEntry entry, Method method, Object[] args) throws Throwable {
        return (entry != null ? chain : notFound).apply(new GuardedCall(route, entry, method, args, metrics(method)));
    }

    /** @return whether Fault Tolerance guards the calls */
    boolean hasFaultTolerance() {
        return hasFaultTolerance;
    }

    /** @return the breaker state: 0 closed, 1 open, 2 half-open */
    int breakerState() {
        return breakerState;
    }

    /** Removes what the guard registered. */
    void close() {
        if (unregisterGauge != null) {
            unregisterGauge.run();
        }
    }

    private MethodMetrics metrics(Method m) {
        MethodMetrics mm = methods.get(m);
        if (mm == null) {
            mm = methods.computeIfAbsent(m, k -> metrics.method(spi, bundle.isEmpty() ? "-" : bundle, version.isEmpty() ? "-" : version, k.getName()));
        }
        return mm;
    }

    private boolean countsAsFailure(Throwable t) {
        return t instanceof InvokeStep.SlowCall || FaultTolerance.isTimeout(t) || plan.degrades(t);
    }
}
