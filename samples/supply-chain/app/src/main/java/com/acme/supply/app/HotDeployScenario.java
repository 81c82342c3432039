package com.acme.supply.app;

import static com.acme.supply.app.HemaFreshCaller.HEMA_FRESH;
import static com.acme.supply.app.HemaFreshCaller.KEY;

import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Scenario 4: the seed's release flow under load. Two threads call hema-fresh without pause while
 * release 2.0.0 is hot deployed (its JAR dropped into the bundle directory) and then rolled back to 1.0.0
 * with {@link BundleManager#rollback}, which switches back to the version still loaded, without reading its
 * JAR again. A switch is one atomic swap and in-flight calls finish on the version they started on, so
 * no call fails and none degrades.
 */
@ApplicationScoped
class HotDeployScenario {

    static final String V1 = HEMA_FRESH + " 1.0.0";
    static final String V2 = HEMA_FRESH + " 2.0.0";
    private static final String UPGRADE_JAR = "hema-fresh-v2.jar";
    private static final Duration SETTLE = Duration.ofMillis(500);

    @Inject
    HemaFreshCaller caller;

    @Inject
    BundleManager bundles;

    @Inject
    BundleEventLog events;

    /** Something that happened, and when ({@link System#nanoTime()}). */
    private record Moment(long nanoTime, String what) {
    }

    /** @return how many calls hema-fresh 2.0.0 answered */
    long run(Report report, SampleDirectories dirs) throws Exception {
        report.section("4. Hot deploy and rollback while 2 threads call hema-fresh");
        List<Moment> timeline = new ArrayList<>();
        CallerThreads load = new CallerThreads(caller.service(), KEY);
        long start = System.nanoTime();
        load.start(2);
        timeline.add(new Moment(System.nanoTime(), "2 threads start calling hema-fresh back to back"));
        BundleInfo rolledBack;
        long rollbackReturned;
        try {
            sleep(Duration.ofMillis(300));
            dirs.dropUpgrade(UPGRADE_JAR);
            timeline.add(new Moment(System.nanoTime(), UPGRADE_JAR + " dropped into the bundle directory"));
            awaitLive("2.0.0", Duration.ofSeconds(20));
            sleep(SETTLE);
            rolledBack = bundles.rollback(HEMA_FRESH);
            rollbackReturned = System.nanoTime();
            timeline.add(new Moment(rollbackReturned, "BundleManager.rollback(\"hema-fresh\") returned: " + rolledBack.version() + " live"));
            sleep(SETTLE);
        } finally {
            load.stop();
        }
        long stopped = System.nanoTime();
        timeline.add(new Moment(stopped, "callers stopped"));
        for (BundleEventLog.Entry e : events.since(start)) {
            timeline.add(new Moment(e.nanoTime(), "event " + e.event()));
        }
        load.firstCallServedBy(V2).ifPresent(t -> timeline.add(new Moment(t, "the first call answered by " + V2 + " began")));
        load.lastCallServedBy(V2).ifPresent(t -> timeline.add(new Moment(t, "the last call answered by " + V2 + " began")));
        timeline.sort(Comparator.comparingLong(Moment::nanoTime));
        for (Moment m : timeline) {
            report.line(String.format("%8s  %s", String.format("+%.2f s", (m.nanoTime() - start) / 1e9), m.what()));
        }

        Map<String, Long> served = load.servedBy();
        long total = served.values().stream().mapToLong(Long::longValue).sum() + load.failed();
        long v1 = served.getOrDefault(V1, 0L);
        long v2 = served.getOrDefault(V2, 0L);
        long others = total - load.failed() - v1 - v2;
        report.line(String.format("%,d calls in %.2f s: %s %,d, %s %,d, any other bundle %,d",
                total, (stopped - start) / 1e9, V1, v1, V2, v2, others));
        report.check(load.failed() == 0, String.format("failed calls: %,d", load.failed())
                + (load.failed() == 0 ? "" : " " + load.sampleFailures()), "0");
        report.check(others == 0, String.format("calls degraded to another bundle: %,d", others), "0: the switch leaves no gap");
        report.check(v1 > 0 && v2 > 0, "both versions served calls", "calls from 1.0.0 and 2.0.0");
        // nanoTime differences, not values, compare safely
        report.check(load.lastCallServedBy(V2).stream().allMatch(t -> t - rollbackReturned < 0),
                "no call begun after the rollback returned reached 2.0.0", "the switch back to take effect at once");
        String live = bundles.liveVersion(HEMA_FRESH).map(BundleInfo::version).orElse("none");
        Answer after = Answer.parse(caller.service().queryConfig(KEY));
        report.check(rolledBack.version().equals("1.0.0") && live.equals("1.0.0") && after.servedBy().equals(V1),
                "after the rollback: live version " + live + ", next call -> " + after, V1);
        String installed = String.join(", ", bundles.bundles().stream()
                .filter(b -> b.id().equals(HEMA_FRESH)).map(b -> b.version() + " " + b.state() + (b.live() ? " live" : "")).toList());
        report.line("hema-fresh versions installed: " + installed + " (2.0.0 stays loaded: switching to it again reads no JAR)");
        return v2;
    }

    private void awaitLive(String version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!bundles.liveVersion(HEMA_FRESH).map(BundleInfo::version).orElse("").equals(version)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("hema-fresh " + version + " was not live within " + timeout.toSeconds() + " s of the drop");
            }
            sleep(Duration.ofMillis(20));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
