package io.nbf.modules;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * nbf logs through {@link System.Logger}. JBoss Modules registers a {@link System.LoggerFinder}
 * (through its JAR's service file) that only queues messages until JBoss Modules' own {@code Main}
 * activates it; embedded in an application nobody does, and every {@code System.Logger} message of the
 * whole JVM, nbf's and the user's, is silently dropped after the first thousand. Activating it here
 * makes it hand over to the real finder (one on the class path, else java.util.logging) and flush
 * what it queued.
 */
final class Logging {

    private static final AtomicBoolean ACTIVATED = new AtomicBoolean();

    private Logging() {
    }

    static System.Logger logger(Class<?> type) {
        return System.getLogger(type.getName());
    }

    /**
     * Activates JBoss Modules' logger finder if it is the JVM's and is not active yet.
     *
     * @param loader where to look for the real logger finder
     * @return whether this call activated it
     */
    static boolean activateModuleLoggerFinder(ClassLoader loader) {
        if (ACTIVATED.get()) {
            return false;
        }
        try {
            System.LoggerFinder finder = System.LoggerFinder.getLoggerFinder();
            Class<?> type = finder.getClass();
            if (!"org.jboss.modules.ModuleLoggerFinder".equals(type.getName())) {
                ACTIVATED.set(true);
                return false;
            }
            Field activated = type.getDeclaredField("activated");
            activated.setAccessible(true);
            if (activated.getBoolean(null)) {
                ACTIVATED.set(true);
                return false; // JBoss Modules' Main (e.g. WildFly) did it
            }
            Method activate = type.getDeclaredMethod("activate", ClassLoader.class);
            activate.setAccessible(true);
            activate.invoke(null, loader);
            ACTIVATED.set(true);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A JBoss Modules version without these members (or a named module that refuses access).
            // Say so on stderr: System.Logger output is what would be lost.
            ACTIVATED.set(true);
            System.err.println("nbf: could not activate JBoss Modules' System.LoggerFinder (" + e
                    + "); System.Logger output may be lost. Add a LoggerFinder to the class path to avoid this.");
            return false;
        }
    }
}
