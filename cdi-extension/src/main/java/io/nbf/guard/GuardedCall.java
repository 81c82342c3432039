package io.nbf.guard;

import io.nbf.dispatch.RouteTarget;
import io.nbf.metrics.CallMetrics.MethodMetrics;
import io.nbf.modules.registry.ServiceEntry;
import java.lang.reflect.Method;

/**
 * One call on its way down the guard's steps.
 *
 * @param route the route the call was made on
 * @param entry the live entry the route selected, not yet entered; {@code null} if none serves it
 * @param method the SPI method
 * @param args its arguments, {@code null} for none
 * @param metrics where the call on {@code entry} is recorded
 */
record GuardedCall(RouteTarget route, ServiceEntry entry, Method method, Object[] args, MethodMetrics metrics) {
}
