package com.acme.supply.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the console for the sample's own lines. Weld, SmallRye, OpenTelemetry, JBoss Modules and nbf log their start-up
 * and every configuration change at INFO; the sample raises those loggers to WARNING, so warnings and
 * errors still show.
 *
 * <p>One warning is expected here and replaced by a single line of the report: when the host shuts down,
 * nbf uninstalls every bundle and scans for class loader leaks, and without the JVM flag
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED} it cannot look into thread locals and shutdown
 * hooks, which it reports as a warning per bundle. exec:java runs the sample inside Maven's JVM, which
 * has no such flag. A leak report with any real finding still shows in full.
 */
final class ConsoleLogging {

    private static final String NOT_CHECKED = "thread locals and shutdown hooks were not checked";

    /** Kept so the levels and filter set here stay: java.util.logging holds its loggers weakly. */
    private static final List<Logger> CONFIGURED = new ArrayList<>();
    private static final AtomicInteger SKIPPED_LEAK_SCANS = new AtomicInteger();

    private ConsoleLogging() {
    }

    static void quiet() {
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "jdk"); // Weld and SmallRye log through JBoss Logging
        }
        for (String name : List.of("org.jboss.weld", "org.jboss.modules", "io.smallrye", "io.opentelemetry", "io.nbf")) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            CONFIGURED.add(logger);
        }
        Logger engine = Logger.getLogger("io.nbf.modules.BundleEngine");
        Filter onlyRealLeaks = record -> {
            if (isOnlyTheSkippedDeepScan(record.getMessage())) {
                SKIPPED_LEAK_SCANS.incrementAndGet();
                return false;
            }
            return true;
        };
        engine.setFilter(onlyRealLeaks);
        CONFIGURED.add(engine);
    }

    /** @return how many leak reports said no more than that the deep scan could not run */
    static int skippedLeakScans() {
        return SKIPPED_LEAK_SCANS.get();
    }

    /**
     * nbf's report reads {@code after uninstalling <bundle>: <finding>; <finding>...}, and the finding that
     * the deep scan was skipped itself holds one {@code "; "}.
     */
    private static boolean isOnlyTheSkippedDeepScan(String message) {
        if (message == null || !message.startsWith("after uninstalling ")) {
            return false;
        }
        String findings = message.substring(message.indexOf(": ") + 2);
        return findings.startsWith(NOT_CHECKED) && findings.split("; ").length == 2;
    }
}
