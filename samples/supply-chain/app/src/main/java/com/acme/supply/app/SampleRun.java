package com.acme.supply.app;

import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Runs the scenarios in order; one that throws is reported as failed and the next still runs. */
@ApplicationScoped
class SampleRun {

    @Inject
    BundleManager bundles;

    @Inject
    RoutingScenario routing;

    @Inject
    DegradationScenario degradation;

    @Inject
    ThrottleScenario throttle;

    @Inject
    HotDeployScenario hotDeploy;

    @Inject
    MetricsScenario metricsTable;

    @Inject
    HealthScenario health;

    void run(Report report, SampleDirectories dirs) {
        report.section("Bundles deployed from " + dirs.bundleDir());
        for (BundleInfo b : bundles.bundles()) {
            report.line(String.format("%-11s %-6s %-7s %-5s attributes %s%s", b.id(), b.version(), b.state(), b.live() ? "live" : "",
                    b.attributes(), b.degradationBundle().map(d -> ", degradation " + d).orElse("")));
        }
        report.check(bundles.bundles().size() == 4, bundles.bundles().size() + " bundle versions installed", "4");

        try {
            routing.run(report);
        } catch (RuntimeException e) {
            report.crashed("routing", e);
        }
        try {
            degradation.run(report);
        } catch (RuntimeException e) {
            report.crashed("degradation", e);
        }
        long throttled = -1;
        try {
            throttled = throttle.run(report);
        } catch (RuntimeException e) {
            report.crashed("throttling", e);
        }
        long v2Calls = -1;
        try {
            v2Calls = hotDeploy.run(report, dirs);
        } catch (Exception e) {
            report.crashed("hot deploy", e);
        }
        try {
            metricsTable.run(report, throttled, v2Calls);
        } catch (RuntimeException e) {
            report.crashed("metrics", e);
        }
        try {
            health.run(report);
        } catch (RuntimeException e) {
            report.crashed("health", e);
        }
    }
}
