package com.acme.supply.app;

import java.io.PrintStream;
import java.util.List;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The supply-chain sample: a Weld SE host whose calls nbf routes to the merchants' bundles. It stages the
 * bundle directory, starts CDI (which starts nbf, and nbf deploys the directory), runs the scenarios and
 * exits 0 if every expectation held, 1 if not.
 *
 * <p>System properties: {@code sample.bundles.initial}, {@code sample.bundles.upgrades},
 * {@code sample.bundles.dir} (see {@link SampleDirectories}); {@code sample.loop=true} to keep running
 * afterwards ({@link LoopMode}). nbf's own settings are in {@code META-INF/microprofile-config.properties}.
 */
public final class SupplyChainApp {

    private SupplyChainApp() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(System.out);
        } catch (Exception | LinkageError e) {
            System.out.println("The sample could not run: " + e);
            e.printStackTrace(System.out);
            status = 2;
        }
        // Under exec:java (blockSystemExit) a non-zero status fails the Maven build instead of ending Maven's JVM.
        System.exit(status);
    }

    /** Runs the sample, writing its report to {@code out}; @return 0 if every check passed, 1 if not */
    static int run(PrintStream out) throws Exception {
        long start = System.nanoTime();
        ConsoleLogging.quiet();
        Report report = new Report(out);
        report.title("nbf supply-chain sample");

        SampleDirectories dirs = SampleDirectories.fromSystemProperties();
        List<String> staged = dirs.prepare();
        // nbf reads its settings through MicroProfile Config, where system properties are one source.
        System.setProperty("nbf.bundles.dir", dirs.bundleDir().toString());
        report.line("staged " + String.join(", ", staged) + " into nbf.bundles.dir");

        // Discovery on (META-INF/beans.xml): the app's beans and SmallRye Health's (its JAR is a bean archive), plus
        // the CDI extensions of nbf, SmallRye Config, Fault Tolerance and OpenTelemetry, each registered by its JAR's
        // META-INF/services file. nbf deploys the bundle directory while the container starts.
        long weldStart = System.nanoTime();
        try (WeldContainer container = new Weld().initialize()) {
            report.line(String.format("Weld SE, nbf and the bundles started in %.1f s", (System.nanoTime() - weldStart) / 1e9));
            container.select(SampleRun.class).get().run(report, dirs);
            if (Boolean.getBoolean("sample.loop")) {
                container.select(LoopMode.class).get().run(report, dirs);
            }
        }

        report.section("Result");
        if (ConsoleLogging.skippedLeakScans() > 0) {
            report.line("at shutdown nbf uninstalled the bundles; its deep leak scan (thread locals, shutdown hooks) was skipped for "
                    + ConsoleLogging.skippedLeakScans() + " of them:");
            report.line("it needs --add-opens java.base/java.lang=ALL-UNNAMED, which Maven's JVM (exec:java) lacks");
        }
        List<String> failures = report.failures();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failures.isEmpty()) {
            report.line(String.format("all %d checks passed in %.1f s", report.checks(), seconds));
            return 0;
        }
        report.line(String.format("%d of %d checks FAILED in %.1f s:", failures.size(), report.checks(), seconds));
        failures.forEach(f -> report.line("  " + f));
        return 1;
    }
}
