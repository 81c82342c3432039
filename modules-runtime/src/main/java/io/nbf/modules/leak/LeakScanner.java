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
 *   <li>a {@link ThreadLocal} value of a bundle class left on any thread: cleared;</li>
 *   <li>a shutdown hook of the bundle: removed.</li>
 * </ul>
 * The last two need the JVM flag {@code --add-opens java.base/java.lang=ALL-UNNAMED}; without it they
 * are not checked ({@link LeakReport#deepScanned()} is false), which is said once per JVM, naming the flag.
 */
public final class LeakScanner {

    /** The JVM flag that lets the scanner look into thread locals and shutdown hooks. */
    public static final String ADD_OPENS = "--add-opens java.base/java.lang=ALL-UNNAMED";

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
        return new LeakReport(bundle, findings, true);
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
                        if (loadedBy(key, loader) || loadedBy(v, loader)) {
                            // The owning thread expunges an entry whose key is cleared; the value goes now.
                            value.set(e, null);
                            ((Reference<?>) e).clear();
                            findings.add(v == null ? MSG.threadLocalCleared(t.getName())
                                    : MSG.threadLocalOfTypeCleared(t.getName(), v.getClass().getName()));
                        }
                    }
                } catch (IllegalAccessException | RuntimeException e) {
                    findings.add(MSG.threadLocalsUnchecked(t.getName(), e));
                }
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
}
