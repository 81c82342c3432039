package io.nbf.bench;

import io.nbf.api.DynamicInject;
import io.nbf.modules.testspi.Greeter;
import jakarta.enterprise.context.Dependent;

/** The callers a user writes: {@code @Dependent} beans with {@code @DynamicInject} fields. */
final class Callers {

    private Callers() {
    }

    /** The default route: the one live Greeter of bundle {@code plain-mart}... and any other; see {@link CdiCallBenchmark}. */
    @Dependent
    public static class DefaultRoute {
        @DynamicInject
        Greeter greeter;

        public String greet(String name) {
            return greeter.greet(name);
        }
    }

    /** An ID route to a bundle nothing guards. */
    @Dependent
    public static class IdRoute {
        @DynamicInject(pattern = "plain-mart")
        Greeter greeter;

        public String greet(String name) {
            return greeter.greet(name);
        }
    }

    /** An ID route to the guarded bundle: breaker on a 100 ms baseline, window 20, degradation bundle rt-mart. */
    @Dependent
    public static class GuardedRoute {
        @DynamicInject(pattern = "hema-fresh")
        Greeter greeter;

        public String greet(String name) {
            return greeter.greet(name);
        }
    }
}
