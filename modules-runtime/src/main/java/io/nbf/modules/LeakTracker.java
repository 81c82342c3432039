package io.nbf.modules;

import static io.nbf.modules.messages.RuntimeLogger.LOG;

import io.nbf.modules.leak.LeakReport;
import io.nbf.modules.leak.LeakScanner;
import io.nbf.modules.leak.ReclaimWatch;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The leak handling at uninstall: scans for what still holds an unloaded version's class loader (and
 * clears what it safely can), logs and keeps the reports that found something (the latest
 * {@value #KEPT_LEAK_REPORTS}), and watches that the class loader is really collected. Thread-safe.
 */
final class LeakTracker {

    static final int KEPT_LEAK_REPORTS = 100;

    private final LeakScanner scanner;
    private final ReclaimWatch reclaimWatch = new ReclaimWatch();
    private final Deque<LeakReport> reports = new ArrayDeque<>();

    LeakTracker(LeakScanner scanner) {
        this.scanner = scanner;
    }

    /**
     * Handles a version just unloaded: scan, report (NBF1003) if something was found, watch.
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
        reclaimWatch.watch(bundle, classLoader);
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
}
