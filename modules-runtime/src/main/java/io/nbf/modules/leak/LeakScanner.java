package io.nbf.modules.leak;

import static io.nbf.modules.messages.RuntimeLogger.LOG;
import static io.nbf.modules.messages.RuntimeMessages.MSG;

import java.lang.reflect.Field;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks for the usual things that keep an unloaded bundle's class loader reachable, clears what can
 * be cleared safely, and reports the rest:
 * <ul>
 *   <li>a thread whose context class loader is the bundle's: reset to the host's if the thread is not
 *       the bundle's own, and so is the access control context it inherited when bundle code created
 *       it (on JDKs that still have one, it holds the bundle's protection domain); reported either way;</li>
 *   <li>a thread the bundle started (its class, or its {@code Runnable}, is the bundle's) that still
 *       runs: reported; only the bundle can stop it, in {@code BundleActivator.stop};</li>
 *   <li>a {@link ThreadLocal} value of a bundle class left on any thread, or a JDK container (a
 *       {@code Collection}, {@code Map} or {@code Object[]}, nested at most {@value #MAX_DEPTH} deep, the first
 *       {@value #MAX_VISITED} elements) holding an object of a bundle class: cleared;</li>
 *   <li>a shutdown hook of the bundle: removed;</li>
 *   <li>a JDBC driver of the bundle still registered with {@code java.sql.DriverManager}: deregistered
 *       ({@code DriverManager.deregisterDriver} refuses a caller whose class loader cannot see the driver's
 *       class, so the scanner removes it from the registry itself);</li>
 *   <li>an MBean of the bundle in an {@code MBeanServer} of {@code MBeanServerFactory} (the platform one
 *       among them): unregistered; a {@code java.util.logging} handler of the bundle on any logger: removed
 *       and closed; a security provider of the bundle: removed;</li>
 *   <li>the {@code ResourceBundle} cache of the bundle's loader and the {@code java.beans.Introspector} caches:
 *       cleared, silently.</li>
 * </ul>
 * Thread locals, shutdown hooks and JDBC drivers need the JVM flag {@code --add-opens java.base/java.lang=ALL-UNNAMED}; without it they
 * are not checked ({@link LeakReport#deepScanned()} is false), which is said once per JVM, naming the flag.
 */
public final class LeakScanner {

    /** The JVM flag that lets the scanner look into thread locals and shutdown hooks. */
    public static final String ADD_OPENS = "--add-opens java.base/java.lang=ALL-UNNAMED";

    /** How deep the scanner looks into nested containers of a thread-local value. */
    static final int MAX_DEPTH = 4;
    /** How many elements of one thread-local value the scanner looks at, at most. */
    static final int MAX_VISITED = 10_000;

    private static final Internals INTERNALS = Internals.open();
    private static final java.util.concurrent.atomic.AtomicBoolean TOLD_NO_DEEP_SCAN = new java.util.concurrent.atomic.AtomicBoolean();

    private final ClassLoader hostClassLoader;

    /** @param hostClassLoader what a host thread's context class loader is reset to */
    public LeakScanner(ClassLoader hostClassLoader) {
        this.hostClassLoader = hostClassLoader;
    }

    /** @return whether thread locals and shutdown hooks can be scanned in this JVM */
    public static boolean deepScanAvailable() {
        return INTERNALS != null;
    }

    /**
     * Scans the JVM for references to {@code bundleLoader} and clears those it safely can.
     *
     * @param bundle the bundle version, for the report
     * @param bundleLoader the unloaded bundle's class loader
     * @return the findings, never {@code null}
     */
    public LeakReport scan(String bundle, ClassLoader bundleLoader) {
        List<String> findings = new ArrayList<>();
        Registries.clean(bundleLoader, findings);
        Thread[] threads = allThreads();
        for (Thread t : threads) {
            if (t == Thread.currentThread()) {
                continue;
            }
            boolean ownThread = loadedBy(t.getClass(), bundleLoader)
                    || (INTERNALS != null && loadedBy(INTERNALS.target(t), bundleLoader));
            if (ownThread) {
                findings.add(MSG.threadStillRuns(t.getName()));
            } else if (t.getContextClassLoader() == bundleLoader) {
                t.setContextClassLoader(hostClassLoader);
                if (INTERNALS != null) {
                    INTERNALS.resetInheritedAccessControlContext(t);
                }
                findings.add(MSG.contextClassLoaderReset(t.getName()));
            }
        }
        if (INTERNALS == null) {
            if (!TOLD_NO_DEEP_SCAN.getAndSet(true)) {
                LOG.deepScanUnavailable(ADD_OPENS);
            }
            return new LeakReport(bundle, findings, false);
        }
        for (Thread t : threads) {
            INTERNALS.clearThreadLocals(t, bundleLoader, findings);
        }
        for (Thread hook : INTERNALS.shutdownHooks()) {
            if (loadedBy(hook.getClass(), bundleLoader) || loadedBy(INTERNALS.target(hook), bundleLoader)
                    || hook.getContextClassLoader() == bundleLoader) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                    findings.add(MSG.shutdownHookRemoved(hook.getName()));
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting: nothing to keep alive
                }
            }
        }
        INTERNALS.deregisterJdbcDrivers(bundleLoader, findings);
        return new LeakReport(bundle, findings, true);
    }

    /**
     * @return the class of the first object of {@code loader} found inside {@code value} when it is a JDK
     *         container (walked at most {@value #MAX_DEPTH} deep, {@value #MAX_VISITED} elements), else {@code null}
     */
    static Class<?> bundleClassInside(Object value, ClassLoader loader) {
        return inside(value, loader, 0, new int[] {MAX_VISITED});
    }

    private static Class<?> inside(Object o, ClassLoader loader, int depth, int[] budget) {
        if (o == null || budget[0]-- <= 0) {
            return null;
        }
        if (loadedBy(o, loader)) {
            return o.getClass();
        }
        if (depth >= MAX_DEPTH || o.getClass().getClassLoader() != null) {
            return null; // only the JDK's own containers are walked: no host or bundle code runs
        }
        try {
            if (o instanceof Object[] array) {
                for (Object e : array) {
                    Class<?> found = inside(e, loader, depth + 1, budget);
                    if (found != null || budget[0] <= 0) {
                        return found;
                    }
                }
            } else if (o instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    Class<?> found = inside(e.getKey(), loader, depth + 1, budget);
                    if (found == null) {
                        found = inside(e.getValue(), loader, depth + 1, budget);
                    }
                    if (found != null || budget[0] <= 0) {
                        return found;
                    }
                }
            } else if (o instanceof java.util.Collection<?> collection) {
                for (Object e : collection) {
                    Class<?> found = inside(e, loader, depth + 1, budget);
                    if (found != null || budget[0] <= 0) {
                        return found;
                    }
                }
            }
        } catch (RuntimeException | LinkageError changingOrBroken) {
            // modified by its thread meanwhile, or a view over code that is gone: not looked into further
        }
        return null;
    }

    /** Every live thread, without the cost of {@link Thread#getAllStackTraces()}. */
    static Thread[] allThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n;
        while ((n = root.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        return java.util.Arrays.copyOf(threads, n);
    }

    static boolean loadedBy(Object o, ClassLoader loader) {
        if (o == null) {
            return false;
        }
        Class<?> c = o instanceof Class ? (Class<?>) o : o.getClass();
        while (c.isArray()) {
            c = c.getComponentType();
        }
        return c.getClassLoader() == loader;
    }

    /** Reflective access to java.lang internals, present only when java.lang is opened to us. */
    private static final class Internals {
        private final Field target;
        private final Field threadLocals;
        private final Field inheritableThreadLocals;
        private final Field table;
        private final Field value;
        private final Field hooks;
        private final Field inheritedAccessControlContext; // null on JDKs without it

        private Internals(Field target, Field threadLocals, Field inheritableThreadLocals, Field table, Field value, Field hooks,
                Field inheritedAccessControlContext) {
            this.target = target;
            this.threadLocals = threadLocals;
            this.inheritableThreadLocals = inheritableThreadLocals;
            this.table = table;
            this.value = value;
            this.hooks = hooks;
            this.inheritedAccessControlContext = inheritedAccessControlContext;
        }

        static Internals open() {
            try {
                Field target = accessible(Thread.class, "target");
                Field tl = accessible(Thread.class, "threadLocals");
                Field itl = accessible(Thread.class, "inheritableThreadLocals");
                Class<?> map = Class.forName("java.lang.ThreadLocal$ThreadLocalMap");
                Field table = accessible(map, "table");
                Class<?> entry = Class.forName("java.lang.ThreadLocal$ThreadLocalMap$Entry");
                Field value = accessible(entry, "value");
                Field hooks = accessible(Class.forName("java.lang.ApplicationShutdownHooks"), "hooks");
                Field acc;
                try {
                    acc = accessible(Thread.class, "inheritedAccessControlContext");
                } catch (NoSuchFieldException gone) {
                    acc = null;
                }
                return new Internals(target, tl, itl, table, value, hooks, acc);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null; // InaccessibleObjectException without --add-opens, or another JDK layout
            }
        }

        private static Field accessible(Class<?> c, String name) throws NoSuchFieldException {
            Field f = c.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        }

        Object target(Thread t) {
            try {
                return target.get(t);
            } catch (IllegalAccessException e) {
                return null;
            }
        }

        @SuppressWarnings("removal")
        void resetInheritedAccessControlContext(Thread t) {
            if (inheritedAccessControlContext != null) {
                try {
                    inheritedAccessControlContext.set(t, new java.security.AccessControlContext(new java.security.ProtectionDomain[0]));
                } catch (IllegalAccessException | RuntimeException e) {
                    // reported through the thread finding already
                }
            }
        }

        void clearThreadLocals(Thread t, ClassLoader loader, List<String> findings) {
            for (Field mapField : new Field[] {threadLocals, inheritableThreadLocals}) {
                try {
                    Object map = mapField.get(t);
                    if (map == null) {
                        continue;
                    }
                    Object[] entries = (Object[]) table.get(map);
                    if (entries == null) {
                        continue;
                    }
                    for (Object e : entries) {
                        if (e == null) {
                            continue;
                        }
                        Object key = ((Reference<?>) e).get();
                        Object v = value.get(e);
                        Class<?> inside = null;
                        if (loadedBy(key, loader) || loadedBy(v, loader)
                                || (inside = bundleClassInside(v, loader)) != null) {
                            // The owning thread expunges an entry whose key is cleared; the value goes now.
                            value.set(e, null);
                            ((Reference<?>) e).clear();
                            findings.add(v == null ? MSG.threadLocalCleared(t.getName())
                                    : inside != null ? MSG.threadLocalHoldingCleared(t.getName(), v.getClass().getName(), inside.getName())
                                    : MSG.threadLocalOfTypeCleared(t.getName(), v.getClass().getName()));
                        }
                    }
                } catch (IllegalAccessException | RuntimeException e) {
                    findings.add(MSG.threadLocalsUnchecked(t.getName(), e));
                }
            }
        }

        /**
         * Removes the bundle's drivers from {@code DriverManager}'s registry. Its {@code deregisterDriver}
         * throws a {@code SecurityException} for a caller whose class loader cannot load the driver's class
         * (nbf's cannot), so the registry is read and changed reflectively, after opening {@code java.sql} to
         * this module (which the opened {@code java.lang} allows).
         */
        void deregisterJdbcDrivers(ClassLoader loader, List<String> findings) {
            if (ModuleLayer.boot().findModule("java.sql").isEmpty()) {
                return; // a runtime image without java.sql: no DriverManager
            }
            try {
                Class<?> dm = Class.forName("java.sql.DriverManager");
                java.lang.reflect.Method addOpens = Module.class.getDeclaredMethod("implAddOpens", String.class, Module.class);
                addOpens.setAccessible(true);
                addOpens.invoke(dm.getModule(), "java.sql", LeakScanner.class.getModule());
                List<?> infos = (List<?>) accessible(dm, "registeredDrivers").get(null);
                Class<?> info = Class.forName("java.sql.DriverInfo");
                Field driver = accessible(info, "driver");
                Field action = accessible(info, "da");
                java.lang.reflect.Method deregister = Class.forName("java.sql.DriverAction").getMethod("deregister");
                for (Object i : infos) { // a CopyOnWriteArrayList: iterates a snapshot
                    Object d = driver.get(i);
                    if (loadedBy(d, loader) && infos.remove(i)) {
                        Object a = action.get(i);
                        if (a != null) {
                            try {
                                deregister.invoke(a);
                            } catch (ReflectiveOperationException | RuntimeException | LinkageError ignored) {
                                // the driver is deregistered; its own clean-up failed
                            }
                        }
                        findings.add(MSG.jdbcDriverDeregistered(d.getClass().getName()));
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                findings.add(MSG.jdbcDriversUnchecked(e));
            }
        }

        Set<Thread> shutdownHooks() {
            try {
                synchronized (Class.forName("java.lang.ApplicationShutdownHooks")) {
                    @SuppressWarnings("unchecked")
                    Map<Thread, Thread> map = (Map<Thread, Thread>) hooks.get(null);
                    if (map == null) {
                        return Set.of(); // shutting down
                    }
                    return new IdentityHashMap<>(map).keySet();
                }
            } catch (ReflectiveOperationException e) {
                return Set.of();
            }
        }
    }

    /** The JVM-wide registries of java.logging, java.management and java.base a bundle can be left in. */
    private static final class Registries {

        static void clean(ClassLoader loader, List<String> findings) {
            java.util.ResourceBundle.clearCache(loader);
            flushIntrospector();
            if (ModuleLayer.boot().findModule("java.logging").isPresent()) {
                removeLogHandlers(loader, findings);
            }
            if (ModuleLayer.boot().findModule("java.management").isPresent()) {
                unregisterMBeans(loader, findings);
            }
            removeSecurityProviders(loader, findings);
        }

        /** {@code java.beans} is in java.desktop, which a runtime image may lack: called reflectively. */
        private static void flushIntrospector() {
            if (ModuleLayer.boot().findModule("java.desktop").isPresent()) {
                try {
                    Class.forName("java.beans.Introspector").getMethod("flushCaches").invoke(null);
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    // nothing to flush
                }
            }
        }

        private static void removeLogHandlers(ClassLoader loader, List<String> findings) {
            java.util.logging.LogManager manager = java.util.logging.LogManager.getLogManager();
            for (String name : java.util.Collections.list(manager.getLoggerNames())) {
                java.util.logging.Logger logger = manager.getLogger(name);
                if (logger == null) {
                    continue;
                }
                for (java.util.logging.Handler h : logger.getHandlers()) {
                    if (loadedBy(h, loader)) {
                        logger.removeHandler(h);
                        try {
                            h.close();
                        } catch (RuntimeException | LinkageError e) {
                            // removed; its own clean-up failed
                        }
                        findings.add(MSG.logHandlerRemoved(h.getClass().getName(), name));
                    }
                }
            }
        }

        private static void unregisterMBeans(ClassLoader loader, List<String> findings) {
            for (javax.management.MBeanServer server : javax.management.MBeanServerFactory.findMBeanServer(null)) {
                for (javax.management.ObjectName name : server.queryNames(null, null)) {
                    try {
                        if (server.getClassLoaderFor(name) == loader) {
                            server.unregisterMBean(name);
                            findings.add(MSG.mbeanUnregistered(name.toString()));
                        }
                    } catch (javax.management.InstanceNotFoundException gone) {
                        // unregistered meanwhile
                    } catch (javax.management.JMException | RuntimeException e) {
                        findings.add(MSG.mbeanNotUnregistered(name.toString(), e));
                    }
                }
            }
        }

        private static void removeSecurityProviders(ClassLoader loader, List<String> findings) {
            for (java.security.Provider p : java.security.Security.getProviders()) {
                if (loadedBy(p, loader)) {
                    try {
                        java.security.Security.removeProvider(p.getName());
                        findings.add(MSG.securityProviderRemoved(p.getName(), p.getClass().getName()));
                    } catch (RuntimeException e) {
                        findings.add(MSG.securityProviderNotRemoved(p.getName(), e));
                    }
                }
            }
        }
    }
}
