package io.nbf.guard;

import io.nbf.dispatch.CallSite;
import io.nbf.dispatch.EntrySource;
import io.nbf.dispatch.Entering;
import io.nbf.dispatch.RouteTarget;
import io.nbf.metrics.CallMetrics.MethodMetrics;
import io.nbf.trace.CallTracer.MethodTracer;
import io.nbf.modules.registry.ServiceEntry;
import java.lang.reflect.Method;

/**
 * The call site of one routing proxy under the guard: keeps what its route resolves to and the guard
 * that applies, derived again when the registry, the route or the guard settings change. Thread-safe.
 */
final class GuardedSite implements CallSite {

    /** The steps of a call nothing guards, on the dispatch path (a JDK proxy). */
    private static final GuardStep PLAIN = new EnterStep(InvokeStep.PLAIN);

    /**
     * What the route resolved to under given settings.
     *
     * @param entry the live entry, or {@code null} if none serves the route
     * @param generation the settings' generation it was derived under
     * @param guard what guards the calls; {@code null}: nothing does
     */
    record Target(ServiceEntry entry, long generation, BundleGuard guard) {
        static final Target NONE = new Target(null, -1, null);
    }

    private final RouteTarget route;
    private final GuardedDispatcher dispatcher;
    /** The entry a call may enter and invoke directly, {@code null} when a guard applies. */
    private final EntrySource plainEntry = () -> {
        Target t = target();
        return t.guard == null ? t.entry : null;
    };
    private volatile Target target = Target.NONE;

    GuardedSite(RouteTarget route, GuardedDispatcher dispatcher) {
        this.route = route;
        this.dispatcher = dispatcher;
    }

    @Override
    public RouteTarget route() {
        return route;
    }

    /** What the route resolves to now, under the settings in force. */
    Target target() {
        ServiceEntry entry = route.resolve();
        long generation = dispatcher.generation();
        Target t = target;
        if (t.entry != entry || t.generation != generation) {
            t = new Target(entry, generation, dispatcher.guardFor(route.spi(), entry));
            target = t;
        }
        return t;
    }

    @Override
    public void prepare() {
        target();
    }

    @Override
    public ServiceEntry enterPlain() {
        return Entering.enter(plainEntry);
    }

    @Override
    public Object dispatch(Method method, Object[] args) throws Throwable {
        while (true) {
            Target t = target();
            Object result = t.guard != null ? t.guard.call(route, t.entry, method, args)
                    : (t.entry != null ? PLAIN : NotFoundStep.PLAIN)
                            .apply(new GuardedCall(route, t.entry, method, args, MethodMetrics.NONE, MethodTracer.NONE));
            if (result != GuardStep.RETRY) {
                return result;
            }
        }
    }

    @Override
    public String toString() {
        return route.toString();
    }
}
