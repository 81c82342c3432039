package io.nbf.guard;

import io.nbf.dispatch.RouteTarget;
import io.nbf.metrics.CallMetrics.MethodMetrics;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.trace.CallTracer.MethodTracer;
import java.lang.reflect.Method;

/**
 * One call on its way down the guard's steps.
 *
 * @param route what the call was routed against
 * @param entry the entry the route selected, not entered yet; {@code null} if none was live
 * @param method the SPI method called
 * @param args its arguments
 * @param metrics where the call on {@code entry} is recorded
 * @param tracer where its span goes
 */
record GuardedCall(RouteTarget route, ServiceEntry entry, Method method, Object[] args, MethodMetrics metrics,
        MethodTracer tracer) {
}
