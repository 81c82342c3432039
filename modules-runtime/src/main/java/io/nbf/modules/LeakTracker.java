package io.nbf.modules;

import static io.nbf.modules.messages.RuntimeLogger.LOG;

import io.nbf.modules.leak.LeakReport;
import io.nbf.modules.leak.LeakScanner;
import io.nbf.modules.leak.ReclaimWatch;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The leak handling at uninstall: scans for what still holds an unloaded version's class loader (and
 * clears what it safely can), logs and keeps the reports that found something (the latest
 * {@value #KEPT_LEAK_REPORTS}), and watches that the class loader is really collected: a check
 * {@value #DEFAULT_CHECK_DELAY_MILLIS} ms after the uninstall (system property {@value #CHECK_DELAY_PROPERTY})
 * that finds the loader still reachable requests one full collection ({@code System.gc()}), and if the loader
 * is still reachable a second later logs NBF1031, naming the version and what the scan found. Thread-safe.
 */
final class LeakTracker {

    static final int KEPT_LEAK_REPORTS = 100;
    static final String CHECK_DELAY_PROPERTY = "nbf.leak.reclaimCheckMillis";
    static final long DEFAULT_CHECK_DELAY_MILLIS = 10_000;
    private static final long AFTER_GC_MILLIS = 1_000;

    /**
     * The engine's reclaim checks: one daemon thread, started by the first check, ended when no check is
     * pending and by {@link #close()}, so a closed engine leaves no thread behind.
     */
    private final ScheduledThreadPoolExecutor checks = checks();

    private static ScheduledThreadPoolExecutor checks() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "nbf-reclaim-check");
            t.setDaemon(true);
            t.setContextClassLoader(LeakTracker.class.getClassLoader());
            return t;
        });
        e.setKeepAliveTime(5, TimeUnit.SECONDS);
        e.allowCoreThreadTimeOut(true);
        e.setRemoveOnCancelPolicy(true);
        return e;
    }

    private final LeakScanner scanner;
    private final ReclaimWatch reclaimWatch = new ReclaimWatch();
    private final Deque<LeakReport> reports = new ArrayDeque<>();

    private final long checkDelayMillis;

    LeakTracker(LeakScanner scanner) {
        this.scanner = scanner;
        this.checkDelayMillis = Math.max(0, Long.getLong(CHECK_DELAY_PROPERTY, DEFAULT_CHECK_DELAY_MILLIS));
    }

    /**
     * Handles a version just unloaded: scan, report (NBF1003) if something was found, watch, and check
     * later that the loader was collected (NBF1031 if not).
     *
     * @param bundle the version, {@code id:version}
     * @param classLoader its class loader
     */
    void unloaded(String bundle, ClassLoader classLoader) {
        LeakReport report = scanner.scan(bundle, classLoader);
        if (!report.isClean()) {
            LOG.leaksFound(report);
            synchronized (reports) {
                if (reports.size() == KEPT_LEAK_REPORTS) {
                    reports.removeFirst();
                }
                reports.addLast(report);
            }
        }
        BooleanSupplier reclaimed = reclaimWatch.watch(bundle, classLoader);
        String found = report.toString(); // the check must not hold the report's loader, only its text
        checks.schedule(() -> {
            if (!reclaimed.getAsBoolean()) {
                System.gc();
                checks.schedule(() -> {
                    if (!reclaimed.getAsBoolean()) {
                        LOG.notReclaimed(bundle, checkDelayMillis + AFTER_GC_MILLIS, found);
                    }
                }, AFTER_GC_MILLIS, TimeUnit.MILLISECONDS);
            }
        }, checkDelayMillis, TimeUnit.MILLISECONDS);
    }

    /** @return the reports that found something, oldest first; a snapshot */
    List<LeakReport> reports() {
        synchronized (reports) {
            return List.copyOf(reports);
        }
    }

    /** @return the unloaded versions whose class loader is still reachable, sorted */
    List<String> unreclaimed() {
        return reclaimWatch.unreclaimed();
    }

    /**
     * Drops the pending reclaim checks and waits for their thread to end. {@link #unreclaimed()} still
     * answers; only the delayed NBF1031 lines of versions unloaded just before are not written.
     */
    void close() {
        checks.shutdownNow();
        try {
            checks.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
