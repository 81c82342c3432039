package io.nbf.proxy;

import io.nbf.dispatch.CallSite;
import io.nbf.modules.registry.ServiceEntry;
import java.lang.reflect.Method;

/**
 * The superclass of the routing proxy classes nbf generates, one per SPI (see {@link ProxyClassGenerator}).
 * A generated method asks {@link #fastEntry()} for an entry it may call directly — the plain path, when
 * nothing guards the call: it then invokes the SPI method on the bundle's object with {@code invokeinterface},
 * with no reflection and no argument array — and otherwise hands the call to {@link #slow} and the
 * {@link CallSite}. Not for use outside generated code.
 */
public abstract class GeneratedProxy {

    private final CallSite site;
    private final Method[] methods;

    /**
     * @param site where the calls go
     * @param methods the SPI methods, in the order of the indexes the generated methods pass to {@link #slow}
     */
    protected GeneratedProxy(CallSite site, Method[] methods) {
        this.site = site;
        this.methods = methods;
    }

    CallSite site() {
        return site;
    }

    /** @return an entered entry to call directly, or {@code null} to take {@link #slow} */
    protected final ServiceEntry fastEntry() {
        return site.enterPlain();
    }

    /** Sets the bundle's class loader as the context class loader; returns the previous one. */
    protected static ClassLoader swap(ServiceEntry entry) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(entry.classLoader());
        return previous;
    }

    /** Restores the context class loader and ends the call on the entry. */
    protected static void restore(ClassLoader previous, ServiceEntry entry) {
        Thread.currentThread().setContextClassLoader(previous);
        entry.exit();
    }

    /** The dispatcher's path: guard, degradation, not-found. */
    protected final Object slow(int method, Object[] args) throws Throwable {
        return site.dispatch(methods[method], args);
    }

    @Override
    public final boolean equals(Object o) {
        return this == o;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public final String toString() {
        return "nbf routing proxy of " + site.route();
    }
}
