package io.nbf.proxy;

import io.nbf.messages.NbfMessages;
import io.nbf.dispatch.CallSite;
import io.nbf.messages.NbfLogger;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The generated proxy class of each SPI, made once per SPI class and kept with it (a {@link ClassValue},
 * so it goes when the SPI's class loader goes). Each class is defined in a small loader of its own that
 * takes the few nbf classes generated code refers to from nbf's loader and everything else from the SPI's
 * (see {@link ProxyLoader}). Where generation is not possible (a non-public SPI or signature type),
 * or is switched off with {@code -Dio.nbf.routing.proxies=jdk}, nbf falls back to JDK dynamic proxies.
 */
final class ProxyClasses {

    private static final boolean ENABLED = !"jdk".equals(System.getProperty("io.nbf.routing.proxies"));

    private static final ClassValue<Object> CLASSES = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> spi) {
            try {
                ProxyClassGenerator.Generated g = ProxyClassGenerator.generate(spi);
                for (Method m : g.methods) {
                    m.trySetAccessible(); // our own copies: spares Method.invoke its access check on every guarded call
                }
                Class<?> type = new ProxyLoader(spi.getClassLoader()).define(g.name, g.bytes);
                return new Made(type.getConstructor(CallSite.class, Method[].class), g.methods);
            } catch (IllegalArgumentException | LinkageError | ReflectiveOperationException e) {
                NbfLogger.LOG.noGeneratedProxy(spi.getName(), e);
                return e;
            }
        }
    };

    private static final class Made {
        final Constructor<?> constructor;
        final Method[] methods;

        Made(Constructor<?> constructor, Method[] methods) {
            this.constructor = constructor;
            this.methods = methods;
        }
    }

    private ProxyClasses() {
    }

    /** @return a generated proxy of the SPI on the binding, or {@code null} if there is no generated class */
    static Object instantiate(Class<?> spi, CallSite site) {
        if (!ENABLED) {
            return null;
        }
        Object made = CLASSES.get(spi);
        if (!(made instanceof Made)) {
            return null;
        }
        try {
            return ((Made) made).constructor.newInstance(site, ((Made) made).methods);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw NbfMessages.MSG.proxyNotInstantiable(spi.getName(), e);
        }
    }

    /**
     * Defines one generated class. Resolves from nbf's loader only nbf's classes the generated code refers to
     * ({@link ProxyClassGenerator#NBF_REFERENCES}) and names in the generated classes' package
     * ({@link ProxyClassGenerator#PACKAGE}); every other name, whether under {@code io.nbf.} or not, from the
     * SPI's loader, so that an application's SPI in an {@code io.nbf} package (or a signature type there) is
     * the application's class, never a namesake nbf's loader might see.
     */
    private static final class ProxyLoader extends ClassLoader {
        private final ClassLoader spiLoader;

        static {
            registerAsParallelCapable();
        }

        ProxyLoader(ClassLoader spiLoader) {
            super("nbf-proxies", null);
            this.spiLoader = spiLoader;
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    if (ProxyClassGenerator.NBF_REFERENCES.contains(name) || name.startsWith(ProxyClassGenerator.PACKAGE)) {
                        c = Class.forName(name, false, ProxyClasses.class.getClassLoader());
                    } else {
                        c = Class.forName(name, false, spiLoader);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
