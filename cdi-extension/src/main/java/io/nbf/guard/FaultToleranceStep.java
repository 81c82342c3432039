package io.nbf.guard;

import io.nbf.api.CallRefusedException;
import io.nbf.guard.InvokeStep.SlowCall;
import io.nbf.messages.NbfLogger;
import io.nbf.messages.NbfMessages;

/**
 * SmallRye Fault Tolerance's guard around the steps below: the circuit breaker (counting errors,
 * timeouts and slow calls), the rate limit and the timeout, as the plan asks, composed by SmallRye in
 * its own order inside one {@code Guard}. A slow call's result reaches the caller; a refusal (open
 * breaker, rate limit, timeout) leaves as a {@link CallRefusedException} naming the call and the reason,
 * with Fault Tolerance's exception as its cause, for {@link DegradationStep} or the caller.
 */
final class FaultToleranceStep implements GuardStep {

    private final GuardStep next;
    private final Object guard;
    private final GuardPlan plan;
    private final String spi;
    private final String bundle;
    private final String version;
    private volatile boolean warnedInternalError;

    /**
     * @param guard the SmallRye {@code Guard} (typed as Object so that this class loads without Fault Tolerance)
     * @param plan the plan the guard was built from, for the messages
     * @param spi the SPI the guard guards
     * @param bundle the bundle id
     * @param version the bundle version
     */
    FaultToleranceStep(GuardStep next, Object guard, GuardPlan plan, String spi, String bundle, String version) {
        this.next = next;
        this.guard = guard;
        this.plan = plan;
        this.spi = spi;
        this.bundle = bundle;
        this.version = version;
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
            CallRefusedException.Reason refused = FaultTolerance.refusalReason(t);
            if (refused != null) {
                throw new CallRefusedException(spi, bundle, version, refused, NbfMessages.MSG.callRefused(spi,
                        call.method().getName(), bundle, version, why(refused), bundle), t);
            }
            if (t != thrownByBundle[0] && !warnedInternalError) {
                // Neither the bundle's error nor a refusal: Fault Tolerance itself failed. The call will
                // degrade like any failure; say why once, or the defect hides behind the degradation.
                warnedInternalError = true;
                NbfLogger.LOG.faultToleranceFailed(spi + " on " + bundle + ":" + version, t);
            }
            throw t;
        }
    }

    private String why(CallRefusedException.Reason reason) {
        switch (reason) {
            case TIMEOUT:
                return "it ran past its timeout of " + plan.timeout().toMillis() + " ms";
            case BREAKER_OPEN:
                return "its circuit breaker is open (too many failed or slow calls)";
            default:
                return "its rate limit of " + plan.rateLimit() + " calls per " + plan.rateWindow().toMillis() + " ms was reached";
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
