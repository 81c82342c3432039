package io.nbf.bench;

import io.nbf.api.RouteType;
import io.nbf.modules.BundleEngine;
import io.nbf.modules.testspi.Greeter;
import io.nbf.dispatch.Dispatcher;
import io.nbf.dispatch.DirectDispatcher;
import io.nbf.route.Route;
import io.nbf.proxy.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Hot swap under load: 2 caller threads call a routing proxy (ID route) in a loop while the benchmark
 * thread switches the bundle from 1.0 to 2.0 and rolls it back, 100 times back to back.
 *
 * <p>Each operation: 1 s of calls before, the 100 switch + rollback rounds, 1 s after. Secondary
 * results: {@code failedCalls} (exceptions or answers from neither version; target 0),
 * {@code callsPerSecBefore}, {@code callsPerSecDuring} (over the swap window), {@code callsPerSecAfter},
 * {@code dipPercent} ({@code 100 x (1 - during / before)}, the throughput dip to report) and
 * {@code swapWindowMs} (how long the 100 rounds took). With {@code dispatcher=guarded} the calls go
 * through nbf's guard (breaker + degradation + baseline + metrics), whose per-version breaker is built
 * on the first call after a switch. On a 2-core machine the swapping thread competes with the two
 * callers for the cores, which is part of the dip.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@State(Scope.Thread)
public class HotSwapBenchmark {

    static final String ID = "hema-fresh";
    static final int CALLERS = 2;
    static final int ROUNDS = 100;
    static final long PHASE_MS = 1000;

    /** {@code plain}: no guard; {@code guarded}: breaker + degradation + baseline + metrics. */
    @Param({"plain", "guarded"})
    public String dispatcher;

    private BundleEngine engine;
    private Greeter routed;

    /** The operation's figures. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Load {
        public long failedCalls;
        public double callsPerSecBefore;
        public double callsPerSecDuring;
        public double callsPerSecAfter;
        public double dipPercent;
        public double swapWindowMs;
    }

    @Setup(Level.Trial)
    public void setUp() {
        engine = BenchBundles.engine();
        engine.deploy(BenchBundles.greeter(ID, "1.0", "v1", 1));
        engine.install(BenchBundles.greeter(ID, "2.0", "v2", 1));
        engine.deploy(BenchBundles.greeter("rt-mart", "1.0", "Degraded", 1));
        Dispatcher d = dispatcher.equals("guarded")
                ? BenchGuards.dispatcher(engine, true, Map.of(ID,
                        BenchGuards.settings("degradation", "rt-mart", "breaker", "true", "baseline", "100ms")))
                : DirectDispatcher.INSTANCE;
        routed = new Router(engine.registry(), d).proxy(Greeter.class, Route.of(RouteType.ID, ID));
        BenchGuards.check("v1 x".equals(routed.greet("x")), "1.0 answers");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /** One calling thread: counts its calls and failures, readable from the benchmark thread. */
    private static final class Caller extends Thread {
        private final Greeter routed;
        final AtomicLong calls = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final AtomicReference<String> firstFailure;
        volatile boolean running = true;

        Caller(Greeter routed, int n, AtomicReference<String> firstFailure) {
            super("hot-swap-caller-" + n);
            setDaemon(true);
            this.routed = routed;
            this.firstFailure = firstFailure;
        }

        @Override
        public void run() {
            long n = 0;
            long failed = 0;
            while (running) {
                try {
                    String answer = routed.greet("nbf");
                    if (!"v1 nbf".equals(answer) && !"v2 nbf".equals(answer)) {
                        failed++;
                        failures.lazySet(failed);
                        firstFailure.compareAndSet(null, "unexpected answer: " + answer);
                    }
                } catch (RuntimeException | Error e) {
                    failed++;
                    failures.lazySet(failed);
                    firstFailure.compareAndSet(null, e.toString());
                }
                calls.lazySet(++n);
            }
        }
    }

    private static long calls(List<Caller> callers) {
        long sum = 0;
        for (Caller c : callers) {
            sum += c.calls.get();
        }
        return sum;
    }

    /** Before, during and after 100 switch + rollback rounds under 2 calling threads. */
    @Benchmark
    public long swapUnderLoad(Load out) throws InterruptedException {
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Caller> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            callers.add(new Caller(routed, i, firstFailure));
        }
        callers.forEach(Thread::start);
        Thread.sleep(200); // let the callers get going
        long t0 = System.nanoTime();
        long c0 = calls(callers);
        Thread.sleep(PHASE_MS);
        long t1 = System.nanoTime();
        long c1 = calls(callers);
        for (int i = 0; i < ROUNDS; i++) {
            engine.switchTo(ID, "2.0");
            engine.rollback(ID);
        }
        long t2 = System.nanoTime();
        long c2 = calls(callers);
        Thread.sleep(PHASE_MS);
        long t3 = System.nanoTime();
        long c3 = calls(callers);
        callers.forEach(c -> c.running = false);
        long failed = 0;
        for (Caller c : callers) {
            c.join();
            failed += c.failures.get();
        }
        out.failedCalls = failed;
        out.callsPerSecBefore = (c1 - c0) * 1e9 / (t1 - t0);
        out.callsPerSecDuring = (c2 - c1) * 1e9 / (t2 - t1);
        out.callsPerSecAfter = (c3 - c2) * 1e9 / (t3 - t2);
        out.dipPercent = 100.0 * (1.0 - out.callsPerSecDuring / out.callsPerSecBefore);
        out.swapWindowMs = (t2 - t1) / 1e6;
        System.out.printf("%n[hot swap, %s] calls/s before %.0f, during %.0f (%.1f ms window), after %.0f; dip %.1f %%; failed calls %d%s%n",
                dispatcher, out.callsPerSecBefore, out.callsPerSecDuring, out.swapWindowMs, out.callsPerSecAfter, out.dipPercent,
                failed, failed == 0 ? "" : " (first: " + firstFailure.get() + ")");
        return failed;
    }
}
