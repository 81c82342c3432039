package io.nbf.guard;


import io.nbf.api.CallRefusedException;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.faulttolerance.api.RateLimitException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Everything nbf asks of SmallRye Fault Tolerance, in one class that is loaded only when Fault
 * Tolerance is on the class path ({@link #isAvailable}).
 */
final class FaultTolerance {

    private FaultTolerance() {
    }

    static boolean isAvailable(ClassLoader loader) {
        try {
            Class.forName("io.smallrye.faulttolerance.api.Guard", false, loader);
            Class.forName("org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Builds the Fault Tolerance guard of a plan: circuit breaker (counting what {@code isFailure}
     * accepts), timeout, rate limit, as the plan asks.
     *
     * <p>The guard's description names the strategies it has ({@link #describe}): Fault Tolerance keys its
     * metrics recorders by description alone and its OpenTelemetry and Micrometer recorders create only
     * the instruments of the first guard with that description, so a later guard of the same bundle with
     * another strategy (a rate limit where the first had a timeout) would fail every call with a
     * {@code NullPointerException} from the recorder (WildFly records Fault Tolerance metrics with
     * OpenTelemetry).
     *
     * @param host the context class loader while building: Fault Tolerance finds its implementation
     *        through it, once per JVM, and a bundle's loader would make it fail for good
     */
    static Object build(GuardPlan plan, String description, Predicate<Throwable> isFailure, IntConsumer breakerState, ClassLoader host) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(host);
        try {
            Guard.Builder b = Guard.create().withDescription(describe(plan, description));
            if (plan.breaker()) {
                b.withCircuitBreaker()
                        .requestVolumeThreshold(plan.window())
                        .failureRatio(plan.failureRatio())
                        .delay(plan.delay().toMillis(), ChronoUnit.MILLIS)
                        .successThreshold(plan.successThreshold())
                        .when(isFailure)
                        .onStateChange(s -> breakerState.accept(stateCode(s)))
                        .done();
            }
            if (plan.rateLimit() > 0) {
                b.withRateLimit().limit(plan.rateLimit()).window(plan.rateWindow().toMillis(), ChronoUnit.MILLIS).done();
            }
            if (plan.timeout() != null) {
                b.withTimeout().duration(plan.timeout().toMillis(), ChronoUnit.MILLIS).done();
            }
            return b.build();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    /** @return {@code description} followed by the strategies of the plan, e.g. {@code [breaker, rate-limit]} */
    static String describe(GuardPlan plan, String description) {
        StringBuilder d = new StringBuilder(description).append(" [");
        if (plan.breaker()) {
            d.append("breaker, ");
        }
        if (plan.timeout() != null) {
            d.append("timeout, ");
        }
        if (plan.rateLimit() > 0) {
            d.append("rate-limit, ");
        }
        d.setLength(d.length() - 2); // a plan needing Fault Tolerance has at least one
        return d.append(']').toString();
    }

    static Object call(Object guard, Callable<Object> action) throws Exception {
        return ((Guard) guard).call(action, Object.class);
    }

    static boolean isTimeout(Throwable t) {
        return t instanceof TimeoutException;
    }

    /** @return why Fault Tolerance refused or cut off the call, as the caller sees it, or {@code null} if it did not */
    static CallRefusedException.Reason refusalReason(Throwable t) {
        if (t instanceof TimeoutException) {
            return CallRefusedException.Reason.TIMEOUT;
        }
        if (t instanceof CircuitBreakerOpenException) {
            return CallRefusedException.Reason.BREAKER_OPEN;
        }
        if (t instanceof RateLimitException) {
            return CallRefusedException.Reason.RATE_LIMITED;
        }
        return null;
    }

    private static int stateCode(CircuitBreakerState s) {
        switch (s) {
            case OPEN:
                return 1;
            case HALF_OPEN:
                return 2;
            default:
                return 0;
        }
    }
}
