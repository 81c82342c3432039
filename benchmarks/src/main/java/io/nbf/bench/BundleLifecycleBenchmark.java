package io.nbf.bench;

import io.nbf.modules.BundleEngine;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.modules.testspi.Greeter;
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
 * Bundle install + start, for a small bundle (5 classes) and a larger one (50 classes); the service's
 * constructor touches every class, so start loads and initializes all of them. Each measured operation
 * is {@code install(jar)}, {@code start(id, version)} and the first call on the started service (taken
 * from the registry), i.e. until the bundle has served; the bundle is uninstalled after each iteration,
 * outside the measurement.
 *
 * <p>Run twice by {@code run.sh}, single-shot:
 * <ul>
 *   <li>warm ({@code lifecycle-warm.json}): many iterations per fork, after warm-up. Target <= 2 ms.</li>
 *   <li>first in a fresh JVM ({@code lifecycle-cold.json}): {@code -wi 0 -i 1} and many forks, so every
 *       sample is a JVM's very first install. Target <= 60 ms for {@link #installAndStart}, whose engine
 *       was created in the set-up (outside the measurement); {@link #engineInstallAndStart} also creates
 *       the engine inside the measurement (JBoss Modules' and nbf's own class loading), for reference.</li>
 * </ul>
 * The JAR is built in the set-up (or found already built under {@code target/bench-bundles}), never in the
 * measurement.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 50)
@Measurement(iterations = 100)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@State(Scope.Thread)
public class BundleLifecycleBenchmark {

    /** {@code small}: 5 classes; {@code large}: 50 classes. */
    @Param({"small", "large"})
    public String size;

    static final String ID = "lifecycle";
    static final String VERSION = "1.0";

    private Path jar;

    /** An engine created in the set-up; the bundle is uninstalled after each iteration. */
    @State(Scope.Thread)
    public static class ReadyEngine {
        BundleEngine engine;

        @Setup(Level.Trial)
        public void create() {
            engine = BenchBundles.engine();
        }

        @TearDown(Level.Iteration)
        public void uninstall() {
            if (engine.bundle(ID, VERSION).isPresent()) {
                engine.uninstall(ID, VERSION);
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            engine.close();
        }
    }

    /** An engine the measurement creates; closed after each iteration. */
    @State(Scope.Thread)
    public static class FreshEngine {
        BundleEngine engine;

        @TearDown(Level.Iteration)
        public void close() {
            if (engine != null) {
                engine.close();
                engine = null;
            }
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        jar = BenchBundles.greeter(ID, VERSION, "Hello", classes(size));
    }

    static int classes(String size) {
        switch (size) {
            case "small":
                return 5;
            case "large":
                return 50;
            default:
                throw new IllegalArgumentException("size must be small or large, not " + size);
        }
    }

    /** Install + start + first call, on an engine created in the set-up. */
    @Benchmark
    public String installAndStart(ReadyEngine e) {
        return installStartCall(e.engine, jar);
    }

    /** Engine creation + install + start + first call. */
    @Benchmark
    public String engineInstallAndStart(FreshEngine e) {
        e.engine = BenchBundles.engine();
        return installStartCall(e.engine, jar);
    }

    static String installStartCall(BundleEngine engine, Path jar) {
        engine.install(jar);
        engine.start(ID, VERSION);
        ServiceEntry e = engine.registry().snapshot().services(Greeter.class).byBundleId(ID);
        String answer = ((Greeter) e.instance()).greet("nbf");
        if (!"Hello nbf".equals(answer)) {
            throw new IllegalStateException("the started bundle answered " + answer);
        }
        return answer;
    }
}
