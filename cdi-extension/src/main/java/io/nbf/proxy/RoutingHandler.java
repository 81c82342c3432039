package io.nbf.proxy;

import io.nbf.dispatch.CallSite;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;

/**
 * The invocation handler behind every routing proxy: {@code Object} methods answer locally, every SPI
 * method goes to the proxy's {@link CallSite}.
 */
final class RoutingHandler implements InvocationHandler {

    private final CallSite site;

    RoutingHandler(CallSite site) {
        this.site = site;
    }

    CallSite site() {
        return site;
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
                    return "nbf routing proxy of " + site.route();
                default:
                    return method.invoke(this, args);
            }
        }
        return site.dispatch(method, args);
    }
}
