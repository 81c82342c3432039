package io.nbf.bench;

import io.nbf.api.RouteType;
import io.nbf.modules.BundleEngine;
import io.nbf.modules.testspi.Greeter;
import io.nbf.dispatch.DirectDispatcher;
import io.nbf.route.Route;
import io.nbf.proxy.Router;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the routed call (ID route, no guard) with 1 and with 2 calling threads on the same
 * routing proxy. Target: {@code routed2Threads >= 1.7 x routed1Thread} (total throughput over both
 * threads).
 *
 * <p>For reading the result: the direct call at 1 and 2 threads shows how far this machine scales at all
 * (on a 2-core box anything else running shows up here first), and the fully guarded call
 * (breaker + degradation + baseline + metrics, as in {@link GuardBenchmark}) shows whether the guard
 * shares anything contended per call.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class ThreadScalingBenchmark {

    private BundleEngine engine;
    private Greeter direct;
    private Greeter routed;
    private Greeter guarded;

    /** Per-thread argument, so the threads share nothing but what nbf shares. */
    @State(Scope.Thread)
    public static class Caller {
        String name = "nbf";
    }

    @Setup(Level.Trial)
    public void setUp() {
        engine = BenchBundles.engine();
        engine.deploy(BenchBundles.greeter("hema-fresh", "1.0"));
        engine.deploy(BenchBundles.greeter("rt-mart", "1.0", "Degraded", 1));
        Route route = Route.of(RouteType.ID, "hema-fresh");
        direct = new DirectGreeter();
        routed = new Router(engine.registry(), DirectDispatcher.INSTANCE).proxy(Greeter.class, route);
        guarded = new Router(engine.registry(), BenchGuards.dispatcher(engine, true, Map.of("hema-fresh",
                BenchGuards.settings("degradation", "rt-mart", "breaker", "true", "baseline", "100ms"))))
                .proxy(Greeter.class, route);
        BenchGuards.check("Hello x".equals(routed.greet("x")) && "Hello x".equals(guarded.greet("x")), "calls answer Hello x");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    @Threads(1)
    public String direct1Thread(Caller c) {
        return direct.greet(c.name);
    }

    @Benchmark
    @Threads(2)
    public String direct2Threads(Caller c) {
        return direct.greet(c.name);
    }

    /** Baseline: the routed call, one thread. */
    @Benchmark
    @Threads(1)
    public String routed1Thread(Caller c) {
        return routed.greet(c.name);
    }

    /** The routed call, two threads. */
    @Benchmark
    @Threads(2)
    public String routed2Threads(Caller c) {
        return routed.greet(c.name);
    }

    @Benchmark
    @Threads(1)
    public String guarded1Thread(Caller c) {
        return guarded.greet(c.name);
    }

    @Benchmark
    @Threads(2)
    public String guarded2Threads(Caller c) {
        return guarded.greet(c.name);
    }
}
