package io.nbf.modules;

import static io.nbf.modules.messages.RuntimeLogger.LOG;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Activates JBoss Modules' {@link System.LoggerFinder}, reflectively, because JBoss Modules offers no
 * supported way to.
 *
 * <p><b>Why.</b> The JBoss Modules JAR registers {@code org.jboss.modules.ModuleLoggerFinder} as the JVM's
 * {@code System.LoggerFinder} (through its {@code META-INF/services} file), so it is the finder of every JVM
 * that has JBoss Modules on its class path. Until it is activated it hands out loggers that only queue
 * their messages, and past the first thousand it drops them. Only JBoss Modules' own {@code Main} activates
 * it (its package-private static {@code activate(ClassLoader)}; 2.3.0 has no public API that does, checked
 * in its source and bytecode). Embedded in an application, as nbf runs, nobody starts that {@code Main}:
 * without this class every {@code System.Logger} message of the whole JVM (the JDK's, the application's,
 * the CDI extension's) would be queued, then dropped. nbf's own messages go through JBoss Logging and are
 * not affected.
 *
 * <p><b>What it does.</b> If the JVM's finder is JBoss Modules' and is not active yet (under WildFly it is),
 * it calls {@code activate} with the host class loader: the finder then hands over to the real finder
 * (another {@code LoggerFinder} on the class path, else java.util.logging) and flushes what it queued.
 * If the members are gone (another JBoss Modules version) or access is refused (a named module), it
 * logs NBF1013 and carries on. {@code LoggingTest} fails when the activation stops working.
 */
final class Logging {

    private static final String MODULE_LOGGER_FINDER = "org.jboss.modules.ModuleLoggerFinder";
    private static final AtomicBoolean ACTIVATED = new AtomicBoolean();

    private Logging() {
    }

    /**
     * Activates JBoss Modules' logger finder if it is the JVM's and is not active yet. Never throws.
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
            if (!MODULE_LOGGER_FINDER.equals(type.getName())) {
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
            // A JBoss Modules version without these members, or a named module that refuses access.
            // JBoss Logging does not log through System.Logger, so this message is not lost itself.
            ACTIVATED.set(true);
            LOG.loggerFinderNotActivated(e);
            return false;
        }
    }
}
