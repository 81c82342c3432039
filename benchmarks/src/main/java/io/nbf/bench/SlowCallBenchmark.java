package io.nbf.bench;

import io.nbf.api.RouteType;
import io.nbf.guard.GuardedDispatcher;
import io.nbf.modules.BundleEngine;
import io.nbf.modules.testspi.Greeter;
import io.nbf.dispatch.DirectDispatcher;
import io.nbf.route.Route;
import io.nbf.proxy.Router;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Slow-call (baseline) detection: a routed call whose bundle sets only {@code baseline=100ms}, beside the
 * same routed call without it.
 *
 * <ul>
 *   <li>{@link #routedBaselineOnly} against {@link #routedUnguarded} (the baseline): what turning the
 *       baseline key on costs. In nbf the slow-call rule feeds a SmallRye circuit breaker, so a baseline
 *       alone brings the breaker with it.</li>
 *   <li>{@link #routedBaselineOnly} against {@link #routedBreakerOnly} ({@code breaker=true}, no baseline):
 *       what the detection itself adds to the breaker it feeds (two {@code System.nanoTime()} reads and a
 *       compare).</li>
 * </ul>
 * Target: at most +50 ns, and no timer thread per call: the secondary result {@code threadsStarted} counts
 * the threads this JVM started during each measurement iteration (expected 0, against millions of calls).
 * Metrics are off in all three.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class SlowCallBenchmark {

    private BundleEngine engine;
    private Greeter unguarded;
    private Greeter baselineOnly;
    private Greeter breakerOnly;
    private String name = "nbf";

    /** Threads started by the JVM during a measurement iteration, as a secondary result. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Threads {
        private long startedBefore;
        /** Threads started during the iteration (this thread's share of the JVM-wide count). */
        public long threadsStarted;

        @Setup(Level.Iteration)
        public void before() {
            startedBefore = BenchJvm.threadsStarted();
        }

        @TearDown(Level.Iteration)
        public void after() {
            threadsStarted = BenchJvm.threadsStarted() - startedBefore;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        engine = BenchBundles.engine();
        engine.deploy(BenchBundles.greeter("hema-fresh", "1.0"));
        Route route = Route.of(RouteType.ID, "hema-fresh");
        unguarded = new Router(engine.registry(), DirectDispatcher.INSTANCE).proxy(Greeter.class, route);
        GuardedDispatcher baseline = BenchGuards.dispatcher(engine, false,
                Map.of("hema-fresh", BenchGuards.settings("baseline", "100ms")));
        GuardedDispatcher breaker = BenchGuards.dispatcher(engine, false,
                Map.of("hema-fresh", BenchGuards.settings("breaker", "true")));
        baselineOnly = new Router(engine.registry(), baseline).proxy(Greeter.class, route);
        breakerOnly = new Router(engine.registry(), breaker).proxy(Greeter.class, route);
        for (Greeter g : new Greeter[] {unguarded, baselineOnly, breakerOnly}) {
            BenchGuards.check("Hello x".equals(g.greet("x")), "routed call answers Hello x");
        }
        BenchGuards.check(baseline.breakerState(Greeter.class, "hema-fresh", "1.0") == 0, "baseline=100ms brings a breaker");
        BenchGuards.check(breaker.breakerState(Greeter.class, "hema-fresh", "1.0") == 0, "breaker=true has a breaker");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /** Baseline: the routed call, no guard at all. */
    @Benchmark
    public String routedUnguarded(Threads t) {
        return unguarded.greet(name);
    }

    /** Only {@code baseline=100ms} set: slow-call detection (and the breaker it feeds). */
    @Benchmark
    public String routedBaselineOnly(Threads t) {
        return baselineOnly.greet(name);
    }

    /** {@code breaker=true} only: the routed, breaker-guarded call without slow-call detection. */
    @Benchmark
    public String routedBreakerOnly(Threads t) {
        return breakerOnly.greet(name);
    }
}
