package com.acme.supply.app;

import static com.acme.supply.app.HemaFreshCaller.HEMA_FRESH;
import static com.acme.supply.app.HemaFreshCaller.RT_MART;

import com.acme.supply.support.FaultSwitch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Scenario 5: the closing table, read back from the OpenTelemetry metrics nbf recorded for every call of the
 * run (the SDK's in-memory reader, {@link SampleTelemetry}), and checked against what the scenarios saw from the
 * outside.
 */
@ApplicationScoped
class MetricsScenario {

    private static final String ROW = "%-18s %10s %7s %9s %8s %8s  %s";

    @Inject
    NbfMetrics metrics;

    void run(Report report, long throttledCalls, long v2Calls) {
        report.section("5. Per-bundle call metrics (OpenTelemetry, instrumentation scope io.nbf)");
        Map<String, NbfMetrics.Row> table = metrics.table();
        report.line("read from nbf.calls, nbf.calls.failed, nbf.calls.degraded{nbf.degradation.reason}, nbf.call.duration (histogram, s)");
        report.raw(String.format("       " + ROW, "bundle version", "calls", "failed", "degraded", "mean ms", "max ms", "degraded by reason"));
        table.forEach((bundle, row) -> report.raw(String.format("       " + ROW, bundle,
                String.format("%,d", row.calls), row.failed, row.degradedTotal(),
                String.format("%.3f", row.meanMillis()), String.format("%.1f", row.maxMillis()),
                row.degraded.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))
                .stripTrailing()));
        report.line("nbf.calls counts the calls a bundle's code served; a degraded call is counted on the bundle that");
        report.line("answered it, and in nbf.calls.degraded (by reason) on the bundle it was meant for.");

        NbfMetrics.Row v1 = table.get(HEMA_FRESH + " 1.0.0");
        NbfMetrics.Row v2 = table.get(HEMA_FRESH + " 2.0.0");
        NbfMetrics.Row rtMart = table.get(RT_MART + " 1.0.0");
        List<String> reasons = List.of("breaker_open", "exception", "throttled", "timeout");
        report.check(v1 != null && v1.degraded.keySet().containsAll(reasons),
                "hema-fresh 1.0.0 degraded for " + (v1 == null ? "-" : v1.degraded.keySet()), "all of " + reasons);
        report.check(v1 != null && v1.failed >= 2, "hema-fresh 1.0.0 failed calls: " + (v1 == null ? "-" : v1.failed),
                "at least 2: the exception and the interrupted slow call");
        report.check(v1 != null && v1.degraded.getOrDefault("throttled", 0L) == throttledCalls,
                "throttled in nbf.calls.degraded: " + (v1 == null ? "-" : v1.degraded.getOrDefault("throttled", 0L))
                        + ", split off in scenario 3: " + throttledCalls, "equal");
        report.check(v2 != null && v2.calls == v2Calls, String.format("hema-fresh 2.0.0 nbf.calls: %,d, answers seen in scenario 4: %,d",
                v2 == null ? 0 : v2.calls, v2Calls), "equal");
        long rtMartRan = FaultSwitch.calls(RT_MART);
        long degradedTotal = table.values().stream().mapToLong(NbfMetrics.Row::degradedTotal).sum();
        long servedByRtMart = rtMart == null ? 0 : rtMart.calls;
        report.check(servedByRtMart == rtMartRan, String.format(
                "rt-mart nbf.calls: %,d, its code ran %,d times (of which %,d degraded calls it took over)",
                servedByRtMart, rtMartRan, degradedTotal), "equal");
        report.line(String.format("bundle gauges: nbf.bundles.installed %d, nbf.bundles.active %d, nbf.bundles.live %d",
                metrics.gauge("nbf.bundles.installed"), metrics.gauge("nbf.bundles.active"), metrics.gauge("nbf.bundles.live")));
        // nbf.bundles.*: 4 deployed at start, and hema-fresh 2.0.0, which stays installed and started after the rollback
        report.check(metrics.gauge("nbf.bundles.installed") == 5 && metrics.gauge("nbf.bundles.live") == 4,
                "nbf.bundles.installed " + metrics.gauge("nbf.bundles.installed") + ", nbf.bundles.live " + metrics.gauge("nbf.bundles.live"),
                "5 installed (hema-fresh 2.0.0 kept for a switch back), 4 live");
        List<String> ft = metrics.allNames().stream().filter(n -> n.startsWith("ft.")).toList();
        report.check(ft.isEmpty(), "SmallRye Fault Tolerance's own metrics (ft.*): " + (ft.isEmpty() ? "none recorded" : ft),
                "none: smallrye.faulttolerance.metrics.enabled=false in microprofile-config.properties");
    }
}
