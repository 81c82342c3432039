package io.nbf.dispatch;

import io.nbf.modules.registry.ServiceEntry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Invokes an SPI method on an entered entry, with the bundle's class loader as the context class loader. */
public final class BundleCall {

    private BundleCall() {
    }

    /**
     * @param entry an entry the caller has entered
     * @return what the bundle returned
     * @throws Throwable what the bundle threw, unwrapped from reflection
     */
    public static Object invoke(ServiceEntry entry, Method method, Object[] args) throws Throwable {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(entry.classLoader());
        try {
            return method.invoke(entry.instance(), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
