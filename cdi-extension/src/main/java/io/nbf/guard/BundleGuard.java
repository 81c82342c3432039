package io.nbf.guard;

import io.nbf.metrics.CallMetrics;
import io.nbf.metrics.CallMetrics.MethodMetrics;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.routing.BundleCall;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The guard of one SPI on one bundle version: its plan, its Fault Tolerance guard (with the circuit
 * breaker's state) if the plan needs one, and its metrics. Thread-safe.
 *
 * <p>The slow-call rule: Fault Tolerance's breaker counts exceptions, so a call that succeeds but takes
 * longer than the baseline leaves the guarded action as a {@link SlowCall} carrying its result; the
 * breaker counts it as a failure, and the caller gets the result. Durations come from two
 * {@link System#nanoTime()} reads on the calling thread: no timer, no thread.
 */
final class BundleGuard {

    final GuardPlan plan;
    final String spi;
    final String bundle;
    final String version;
    private final Object faultTolerance;
    private final CallMetrics metrics;
    private final Map<Method, MethodMetrics> methods = new ConcurrentHashMap<>();
    private volatile int breakerState;
    private volatile boolean warnedInternalError;
    private static final System.Logger LOG = System.getLogger(BundleGuard.class.getName());
    private final Runnable unregisterGauge;

    BundleGuard(GuardPlan plan, String spi, String bundle, String version, CallMetrics metrics, boolean faultToleranceReady,
            ClassLoader host) {
        this.plan = plan;
        this.spi = spi;
        this.bundle = bundle;
        this.version = version;
        this.metrics = plan.metrics ? metrics : CallMetrics.NONE;
        if (plan.needsFaultTolerance() && faultToleranceReady && !bundle.isEmpty()) {
            this.faultTolerance = FaultTolerance.build(plan, "nbf " + spi + " on " + bundle + ":" + version,
                    this::countsAsFailure, s -> breakerState = s, host);
            this.unregisterGauge = plan.breaker ? this.metrics.breakerGauge(spi, bundle, version, () -> breakerState) : null;
        } else {
            this.faultTolerance = null;
            this.unregisterGauge = null;
        }
    }

    /** @return whether Fault Tolerance guards the calls */
    boolean hasFaultTolerance() {
        return faultTolerance != null;
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

    MethodMetrics metrics(Method m) {
        MethodMetrics mm = methods.get(m);
        if (mm == null) {
            mm = methods.computeIfAbsent(m, k -> metrics.method(spi, bundle.isEmpty() ? "-" : bundle, version.isEmpty() ? "-" : version, k.getName()));
        }
        return mm;
    }

    private boolean countsAsFailure(Throwable t) {
        return t instanceof SlowCall || FaultTolerance.isTimeout(t) || plan.degrades(t);
    }

    /**
     * Calls the bundle through the guard.
     *
     * @return what the bundle returned (also when it was slow)
     * @throws Throwable what the bundle threw, or Fault Tolerance's refusal (timeout, open breaker, rate limit)
     */
    Object call(ServiceEntry entry, Method method, Object[] args) throws Throwable {
        MethodMetrics mm = metrics(method);
        if (faultTolerance == null) {
            return measured(entry, method, args, mm, false);
        }
        Throwable[] thrownByBundle = new Throwable[1];
        try {
            return FaultTolerance.call(faultTolerance, () -> {
                try {
                    return measured(entry, method, args, mm, true);
                } catch (SlowCall slow) {
                    throw slow;
                } catch (Exception | Error e) {
                    thrownByBundle[0] = e;
                    throw e;
                } catch (Throwable t) {
                    thrownByBundle[0] = t;
                    throw new Carrier(t);
                }
            });
        } catch (SlowCall slow) {
            return slow.result;
        } catch (Carrier c) {
            throw c.getCause();
        } catch (Throwable t) {
            if (t != thrownByBundle[0] && FaultTolerance.refusal(t) == null && !warnedInternalError) {
                // Neither the bundle's error nor a refusal: Fault Tolerance itself failed. The call will
                // degrade like any failure; say why once, or the defect hides behind the degradation.
                warnedInternalError = true;
                LOG.log(System.Logger.Level.WARNING, "nbf: SmallRye Fault Tolerance failed on a call of " + spi + " on " + bundle
                        + ":" + version + " (not an error of the bundle); calls degrade until this is fixed", t);
            }
            throw t;
        }
    }

    private Object measured(ServiceEntry entry, Method method, Object[] args, MethodMetrics mm, boolean slowRule) throws Throwable {
        long start = System.nanoTime();
        Object result;
        try {
            result = BundleCall.invoke(entry, method, args);
        } catch (Throwable t) {
            mm.failure(System.nanoTime() - start);
            throw t;
        }
        long nanos = System.nanoTime() - start;
        mm.success(nanos);
        if (slowRule && plan.baselineNanos > 0 && nanos > plan.baselineNanos) {
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

    /** Carries a throwable that is neither an Exception nor an Error through Fault Tolerance's Callable. */
    private static final class Carrier extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Carrier(Throwable t) {
            super(t.toString(), t, false, false);
        }
    }
}
