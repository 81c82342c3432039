package io.nbf.guard;

import io.nbf.config.MockMode;
import io.nbf.dispatch.RouteTarget;
import io.nbf.metrics.CallMetrics;
import io.nbf.metrics.CallMetrics.MethodMetrics;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.route.Route;
import io.nbf.route.RouteBinding;
import io.nbf.trace.CallTracer.MethodTracer;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The guard of one SPI on one bundle version: its plan, the chain of {@link GuardStep}s the plan needs,
 * its Fault Tolerance guard (with the circuit breaker's state) if the plan needs one, and what observes
 * its calls (metrics, spans, MDC), with their attributes built once per method. Thread-safe.
 */
final class BundleGuard {

    final GuardPlan plan;
    private final String spi;
    private final String bundle;
    private final String version;
    final Observers observers;
    private final Class<?> spiType;
    private final Map<Method, MethodObservers> methods = new ConcurrentHashMap<>();
    /** Every bundle this guard's calls may degrade to, whose routes cache the entry they resolved to. */
    private final java.util.List<Fallback> fallbacks = new java.util.concurrent.CopyOnWriteArrayList<>();
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
     * @param observers what observes the calls
     * @param faultToleranceReady whether Fault Tolerance guards can be built now
     */
    BundleGuard(GuardPlan plan, Class<?> spi, String bundle, String version, Observers observers, boolean faultToleranceReady,
            GuardResources resources) {
        this.plan = plan;
        this.spi = spi.getName();
        this.spiType = spi;
        this.bundle = bundle;
        this.version = version;
        this.observers = observers;
        Object faultTolerance = null;
        if (plan.needsFaultTolerance() && faultToleranceReady && !bundle.isEmpty()) {
            faultTolerance = FaultTolerance.build(plan, "nbf " + this.spi + " on " + bundle + ":" + version,
                    this::countsAsFailure, s -> breakerState = s, resources.host());
        }
        this.hasFaultTolerance = faultTolerance != null;
        this.unregisterGauge = hasFaultTolerance && plan.breaker()
                ? observers.metrics().breakerGauge(this.spi, bundle, version, () -> breakerState) : null;
        Fallback degradation = plan.degradation() == null ? null : fallback(spi, plan.degradation(), resources);
        GuardStep found;
        GuardStep none;
        if (plan.mockMode() == MockMode.FORCE) {
            found = new MockStep(fallback(spi, plan.mockBundle(), resources));
            none = found;
        } else {
            found = chain(spi, faultTolerance, degradation, resources);
            none = new NotFoundStep(degradation);
        }
        if (observers.wrapsCalls()) {
            found = new ObserveStep(found, observers.mdc(), this.spi, bundle.isEmpty() ? null : bundle, version.isEmpty() ? null : version);
            none = new ObserveStep(none, observers.mdc(), this.spi, null, null);
        }
        this.chain = found;
        this.notFound = none;
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
        Fallback f = new Fallback(RouteBinding.fixed(resources.registry(), spiType, Route.id(bundleId)), resources.fallbackMetrics(),
                observers.metrics() != CallMetrics.NONE, observers.mdc());
        fallbacks.add(f);
        return f;
    }

    /**
     * Resolves the fallback routes against the registry now, so that none keeps an uninstalled version's entry (and
     * with it the version's class loader) until the next degraded call.
     */
    void refreshFallbacks() {
        fallbacks.forEach(Fallback::refresh);
    }

    /**
     * Guards one call.
     *
     * @param entry the entry the route selected, not entered; {@code null} if none
     * @return what the call returned, or {@link GuardStep#RETRY} if the entry was retired before the call entered it
     */
    Object call(RouteTarget route, ServiceEntry entry, Method method, Object[] args) throws Throwable {
        MethodObservers m = observers(method);
        return (entry != null ? chain : notFound).apply(new GuardedCall(route, entry, method, args, m.metrics, m.tracer));
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

    private MethodObservers observers(Method m) {
        MethodObservers mo = methods.get(m);
        if (mo == null) {
            mo = methods.computeIfAbsent(m, k -> new MethodObservers(
                    observers.metrics().method(spi, bundle.isEmpty() ? "-" : bundle, version.isEmpty() ? "-" : version, k.getName()),
                    observers.tracer().method(spiType, bundle.isEmpty() ? null : bundle, version.isEmpty() ? null : version, k.getName())));
        }
        return mo;
    }

    /** The metrics and the tracer of one method, with their attributes. */
    private record MethodObservers(MethodMetrics metrics, MethodTracer tracer) {
    }

    private boolean countsAsFailure(Throwable t) {
        return t instanceof InvokeStep.SlowCall || FaultTolerance.isTimeout(t) || plan.degrades(t);
    }
}
