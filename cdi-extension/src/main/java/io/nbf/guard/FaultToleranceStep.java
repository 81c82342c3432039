package io.nbf.guard;

import io.nbf.guard.InvokeStep.SlowCall;
import io.nbf.messages.NbfLogger;

/**
 * SmallRye Fault Tolerance's guard around the steps below: the circuit breaker (counting errors,
 * timeouts and slow calls), the rate limit and the timeout, as the plan asks, composed by SmallRye in
 * its own order inside one {@code Guard}. A slow call's result reaches the caller; a refusal (open
 * breaker, rate limit, timeout) leaves as Fault Tolerance's exception for {@link DegradationStep}.
 */
final class FaultToleranceStep implements GuardStep {

    private final GuardStep next;
    private final Object guard;
    private final String name;
    private volatile boolean warnedInternalError;

    /**
     * @param guard the SmallRye {@code Guard} (typed as Object so that this class loads without Fault Tolerance)
     * @param name the guard's SPI, bundle and version, for the one warning it may log
     */
    FaultToleranceStep(GuardStep next, Object guard, String name) {
        this.next = next;
        this.guard = guard;
        this.name = name;
    }

    @Override
    public Object apply(GuardedCall call) throws Throwable {
        Throwable[] thrownByBundle = new Throwable[1];
        try {
            return FaultTolerance.call(guard, () -> {
                try {
                    return next.apply(call);
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
                NbfLogger.LOG.faultToleranceFailed(name, t);
            }
            throw t;
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
