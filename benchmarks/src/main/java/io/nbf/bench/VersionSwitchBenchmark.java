package io.nbf.bench;

import io.nbf.api.management.BundleInfo;
import io.nbf.api.RouteType;
import io.nbf.modules.BundleEngine;
import io.nbf.modules.testspi.Greeter;
import io.nbf.dispatch.DirectDispatcher;
import io.nbf.route.Route;
import io.nbf.proxy.Router;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Version switch and rollback of one bundle with two installed, started versions ({@code 1.0} answers
 * "v1", {@code 2.0} "v2"); a routing proxy on its id is live. Target: each at most 100 us (the figure is
 * {@code others=0}; with {@code others=1000} other live bundles of the same SPI, for reference).
 *
 * <ul>
 *   <li>{@link #switchVersion}: {@code switchTo(id, "2.0")} while 1.0 is live;</li>
 *   <li>{@link #rollback}: {@code rollback(id)} while 2.0 is live (back to 1.0).</li>
 * </ul>
 * The opposite operation that restores the starting point runs in a per-invocation set-up, outside the
 * measurement (the operations take tens of microseconds, well above JMH's per-invocation overhead).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED"})
public class VersionSwitchBenchmark {

    static final String ID = "hema-fresh";

    /** The engine with both versions installed and started, and the fillers; one per benchmark method. */
    @State(Scope.Thread)
    public abstract static class Versions {
        /**
         * Other live bundles implementing the same SPI: 0 for the figure; 1,000 shows how a switch scales
         * with the bundles beside it.
         */
        @Param({"0", "1000"})
        public int others;

        BundleEngine engine;
        private Path scratch;

        @Setup(Level.Trial)
        public void setUp() {
            scratch = BenchBundles.scratch("bench-switch-");
            engine = BenchBundles.engine(scratch.resolve("work"));
            BenchBundles.deployFillers(engine, scratch.resolve("jars"), others);
            engine.deploy(BenchBundles.greeter(ID, "1.0", "v1", 1));
            engine.install(BenchBundles.greeter(ID, "2.0", "v2", 1));
            Greeter routed = new Router(engine.registry(), DirectDispatcher.INSTANCE).proxy(Greeter.class, Route.of(RouteType.ID, ID));
            BenchGuards.check("v1 x".equals(routed.greet("x")), "1.0 is live");
            engine.switchTo(ID, "2.0");
            BenchGuards.check("v2 x".equals(routed.greet("x")), "2.0 is live after the switch");
            engine.rollback(ID);
            BenchGuards.check("v1 x".equals(routed.greet("x")), "1.0 is live after the rollback");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            BenchGuards.check(engine.bundles().size() == others + 2, "both versions are still installed");
            engine.close();
            BenchBundles.deleteTree(scratch);
        }

        boolean live(String version) {
            return engine.liveVersion(ID).map(BundleInfo::version).map(version::equals).orElse(false);
        }
    }

    /** Puts 1.0 live before each {@link #switchVersion}. */
    @State(Scope.Thread)
    public static class AtV1 extends Versions {
        @Setup(Level.Invocation)
        public void toV1() {
            if (!live("1.0")) {
                engine.rollback(ID);
            }
        }
    }

    /** Puts 2.0 live before each {@link #rollback}. */
    @State(Scope.Thread)
    public static class AtV2 extends Versions {
        @Setup(Level.Invocation)
        public void toV2() {
            if (!live("2.0")) {
                engine.switchTo(ID, "2.0");
            }
        }
    }

    /** Switch from 1.0 to 2.0. */
    @Benchmark
    public BundleInfo switchVersion(AtV1 v) {
        return v.engine.switchTo(ID, "2.0");
    }

    /** Roll back from 2.0 to 1.0. */
    @Benchmark
    public BundleInfo rollback(AtV2 v) {
        BundleInfo back = v.engine.rollback(ID);
        if (!back.version().equals("1.0")) {
            throw new IllegalStateException("rolled back to " + back.version());
        }
        return back;
    }
}
