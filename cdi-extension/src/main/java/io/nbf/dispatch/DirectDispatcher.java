package io.nbf.dispatch;

import io.nbf.modules.registry.ServiceEntry;
import java.lang.reflect.Method;

/** Routes and calls, nothing more: what a call costs without a guard. */
public final class DirectDispatcher implements Dispatcher {

    /** The one instance; it holds no state. */
    public static final DirectDispatcher INSTANCE = new DirectDispatcher();

    private DirectDispatcher() {
    }

    @Override
    public CallSite bind(RouteTarget route) {
        return new Site(route);
    }

    private static final class Site implements CallSite {
        private final RouteTarget route;

        Site(RouteTarget route) {
            this.route = route;
        }

        @Override
        public RouteTarget route() {
            return route;
        }

        @Override
        public ServiceEntry enterPlain() {
            return Entering.enter(route); // null when nothing serves the route: dispatch() raises not-found
        }

        @Override
        public Object dispatch(Method method, Object[] args) throws Throwable {
            ServiceEntry entry = Entering.enter(route);
            if (entry == null) {
                throw route.notFound();
            }
            try {
                return BundleCall.invoke(entry, method, args);
            } finally {
                entry.exit();
            }
        }
    }
}
