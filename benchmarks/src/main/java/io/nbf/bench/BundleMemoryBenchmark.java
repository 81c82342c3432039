package io.nbf.bench;

import io.nbf.modules.BundleEngine;
import io.nbf.modules.testspi.Greeter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Heap and metaspace per installed small bundle (5 classes, as in {@link BundleLifecycleBenchmark}),
 * with 1,000 bundles installed and started (distinct ids, one live Greeter each).
 *
 * <p>One operation installs and starts the 1,000 bundles on a fresh engine; around it, after full
 * collections, the used heap ({@code MemoryMXBean}) and used metaspace (the {@code Metaspace} pool,
 * class space included) are read. The figures are secondary results, in KiB per bundle:
 * {@code heapKiBPerBundle}, {@code metaspaceKiBPerBundle} and their sum {@code totalKiBPerBundle}
 * (target <= 100 KiB). The primary score is the time to install and start the 1,000 bundles plus the
 * collections (informative only).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@State(Scope.Thread)
public class BundleMemoryBenchmark {

    @Param({"1000"})
    public int bundles;

    private Path scratch;
    private List<Path> jars;
    private BundleEngine engine;
    private long heapBefore;
    private long metaspaceBefore;

    /** The per-bundle figures of the iteration, in KiB. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class PerBundle {
        public double heapKiBPerBundle;
        public double metaspaceKiBPerBundle;
        public double totalKiBPerBundle;
    }

    @Setup(Level.Trial)
    public void setUp() {
        scratch = BenchBundles.scratch("bench-memory-");
        Path template = BenchBundles.greeter("template", "1.0", "Hello", BundleLifecycleBenchmark.classes("small"));
        jars = BenchBundles.copies(template, scratch, bundles, i -> {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("id", String.format("b-%05d", i));
            d.put("version", "1.0");
            d.put("attribute.merchant", "m" + i);
            return d;
        });
        // Load nbf's own classes once, so the measurement sees the bundles only.
        try (BundleEngine warm = BenchBundles.engine()) {
            for (Path jar : jars.subList(0, Math.min(20, jars.size()))) {
                warm.deploy(jar);
            }
        }
    }

    @Setup(Level.Iteration)
    public void before() {
        engine = BenchBundles.engine();
        BenchJvm.fullGc();
        heapBefore = BenchJvm.heapUsed();
        metaspaceBefore = BenchJvm.metaspaceUsed();
    }

    @TearDown(Level.Iteration)
    public void after() {
        engine.close();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        BenchBundles.deleteTree(scratch);
    }

    /** Installs and starts the bundles, then reads heap and metaspace after full collections. */
    @Benchmark
    public int installMany(PerBundle out) {
        for (Path jar : jars) {
            engine.deploy(jar);
        }
        BenchJvm.fullGc();
        long heap = BenchJvm.heapUsed() - heapBefore;
        long metaspace = BenchJvm.metaspaceUsed() - metaspaceBefore;
        int live = engine.registry().snapshot().services(Greeter.class).size();
        if (live != bundles) {
            throw new IllegalStateException(live + " live Greeters, expected " + bundles);
        }
        out.heapKiBPerBundle = heap / 1024.0 / bundles;
        out.metaspaceKiBPerBundle = metaspace / 1024.0 / bundles;
        out.totalKiBPerBundle = out.heapKiBPerBundle + out.metaspaceKiBPerBundle;
        System.out.printf("%n[memory] %d bundles: heap %+.1f MiB, metaspace %+.1f MiB -> %.1f KiB heap + %.1f KiB metaspace per bundle%n",
                bundles, heap / 1048576.0, metaspace / 1048576.0, out.heapKiBPerBundle, out.metaspaceKiBPerBundle);
        return live;
    }
}
