package io.nbf.routing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;

/**
 * The invocation handler behind every routing proxy: {@code Object} methods answer locally, every SPI
 * method goes to the {@link Dispatcher} on the proxy's route.
 */
final class RoutingHandler implements InvocationHandler {

    private final RouteBinding binding;
    private final Dispatcher dispatcher;

    RoutingHandler(RouteBinding binding, Dispatcher dispatcher) {
        this.binding = binding;
        this.dispatcher = dispatcher;
    }

    RouteBinding binding() {
        return binding;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "nbf routing proxy of " + binding;
                default:
                    return method.invoke(this, args);
            }
        }
        return dispatcher.dispatch(binding, method, args);
    }
}
