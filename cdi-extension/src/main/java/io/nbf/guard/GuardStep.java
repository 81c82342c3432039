package io.nbf.guard;

/**
 * One strategy of the guard, as SmallRye Fault Tolerance composes its strategies: it handles the call
 * or hands it to the step below. A bundle guard is a chain of the steps its plan needs, outermost
 * first: {@link MockStep} (which ends the chain), {@link ThrottleStep}, {@link DegradationStep},
 * {@link EnterStep}, {@link FaultToleranceStep}, {@link InvokeStep}; a call the route found no live entry
 * for takes {@link NotFoundStep} instead. Steps are immutable and thread-safe.
 */
interface GuardStep {

    /**
     * What a step returns when the entry it was to enter had been retired by a version switch: the call
     * site routes the call again, from the top, against the new version. Never reaches a caller.
     */
    Object RETRY = new Object() {
        @Override
        public String toString() {
            return "nbf: route again";
        }
    };

    /**
     * @return what the bundle (or the bundle degraded to) returned, or {@link #RETRY}
     * @throws Throwable what the call raised, when nothing degrades it
     */
    Object apply(GuardedCall call) throws Throwable;
}
