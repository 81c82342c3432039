package io.nbf.routing;

import io.nbf.modules.registry.ServiceEntry;
import java.lang.reflect.Method;

/** Routes and calls, nothing more: what a call costs without a guard. */
public final class DirectDispatcher implements Dispatcher {

    /** The one instance; it holds no state. */
    public static final DirectDispatcher INSTANCE = new DirectDispatcher();

    private DirectDispatcher() {
    }

    @Override
    public ServiceEntry enterPlain(RouteBinding binding) {
        return binding.enter(); // null when nothing serves the route: dispatch() raises not-found
    }

    @Override
    public Object dispatch(RouteBinding binding, Method method, Object[] args) throws Throwable {
        ServiceEntry entry = binding.enter();
        if (entry == null) {
            throw binding.notFound();
        }
        try {
            return BundleCall.invoke(entry, method, args);
        } finally {
            entry.exit();
        }
    }
}
