package io.nbf.bench;

import io.nbf.modules.BundleEngine;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.modules.testspi.Greeter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * 1,000 install / start / call / uninstall cycles of the small bundle (5 classes), then full collections.
 * Secondary results:
 * <ul>
 *   <li>{@code unreclaimedLoaders}: uninstalled bundle versions whose class loader is still reachable
 *       ({@code BundleEngine.unreclaimedBundles()} after up to 10 rounds of full collections). Target 0.</li>
 *   <li>{@code metaspaceGrowthMiB}: used metaspace after the cycles and the collections, minus before
 *       (after 20 warm-up cycles in the set-up, so nbf's own classes are loaded already). Target <= 5 MiB.</li>
 *   <li>{@code gcRounds}: the rounds of full collections it took until every loader was collected.</li>
 * </ul>
 * The primary score is the time of the 1,000 cycles plus the collections (informative only).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@State(Scope.Thread)
public class BundleLeakBenchmark {

    @Param({"1000"})
    public int cycles;

    private static final String ID = "leak";
    private static final String VERSION = "1.0";

    private Path jar;
    private BundleEngine engine;
    private long metaspaceBefore;

    /** The iteration's leak figures. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Leaks {
        public long unreclaimedLoaders;
        public double metaspaceGrowthMiB;
        public long gcRounds;
    }

    @Setup(Level.Trial)
    public void setUp() {
        jar = BenchBundles.greeter(ID, VERSION, "Hello", BundleLifecycleBenchmark.classes("small"));
        engine = BenchBundles.engine();
        for (int i = 0; i < 20; i++) {
            cycle();
        }
    }

    @Setup(Level.Iteration)
    public void before() {
        collect();
        BenchJvm.fullGc();
        metaspaceBefore = BenchJvm.metaspaceUsed();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    private void cycle() {
        engine.install(jar);
        engine.start(ID, VERSION);
        ServiceEntry e = engine.registry().snapshot().services(Greeter.class).byBundleId(ID);
        if (!"Hello nbf".equals(((Greeter) e.instance()).greet("nbf"))) {
            throw new IllegalStateException("the bundle did not answer");
        }
        e = null;
        engine.uninstall(ID, VERSION);
    }

    /** @return the rounds of full collections until no uninstalled loader is left (at most 10) */
    private int collect() {
        int rounds = 0;
        while (rounds < 10 && !engine.unreclaimedBundles().isEmpty()) {
            BenchJvm.fullGc();
            rounds++;
        }
        return rounds;
    }

    /** The cycles, then collections, then the readings. */
    @Benchmark
    public long cycles(Leaks out) {
        for (int i = 0; i < cycles; i++) {
            cycle();
        }
        out.gcRounds = collect();
        BenchJvm.fullGc();
        List<String> left = engine.unreclaimedBundles();
        out.unreclaimedLoaders = left.size();
        out.metaspaceGrowthMiB = (BenchJvm.metaspaceUsed() - metaspaceBefore) / 1048576.0;
        System.out.printf("%n[leak] %d cycles: %d class loader(s) not collected after %d GC round(s)%s; metaspace %+.2f MiB%n",
                cycles, left.size(), out.gcRounds, left.isEmpty() ? "" : " " + left.subList(0, Math.min(5, left.size())),
                out.metaspaceGrowthMiB);
        return left.size();
    }
}
