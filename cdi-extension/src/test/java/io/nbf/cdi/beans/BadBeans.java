package io.nbf.cdi.beans;

import io.nbf.api.DynamicInject;
import io.nbf.api.DynamicInvoker;
import io.nbf.api.RouteType;
import io.nbf.modules.testspi.Greeter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** Injection points that must fail deployment, each with a message naming the member and the fix. */
public final class BadBeans {

    private BadBeans() {
    }

    @Dependent
    public static class NotAnInterface {
        @DynamicInject
        String text;
    }

    @Dependent
    public static class BadRegex {
        @Inject
        @DynamicInject(pattern = "drf-(hz", type = RouteType.REG)
        Greeter greeter;
    }

    @Dependent
    public static class RuleNotAnObject {
        @DynamicInject(pattern = "[\"hema\"]", type = RouteType.RULE)
        Greeter greeter;
    }

    @Dependent
    public static class RuleNotJson {
        @DynamicInject(pattern = "merchant=hema", type = RouteType.RULE)
        Greeter greeter;
    }

    @Dependent
    @SuppressWarnings("rawtypes")
    public static class RawInvoker {
        @DynamicInject
        DynamicInvoker invoker;
    }

    @Dependent
    public static class WildcardInvoker {
        @DynamicInject
        DynamicInvoker<?> invoker;
    }

    @Dependent
    public static class InvokerWithPattern {
        @DynamicInject(pattern = "shop-a")
        DynamicInvoker<Greeter> invoker;
    }
}
