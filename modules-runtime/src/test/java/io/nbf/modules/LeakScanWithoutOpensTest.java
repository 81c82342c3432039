package io.nbf.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbf.modules.leak.LeakScanner;
import io.nbf.modules.testing.BundleJar;
import io.nbf.modules.testing.Calls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Without {@code --add-opens java.base/java.lang}, the scanner cannot look into thread locals: it says
 * so once, and a bundle's ThreadLocal left on a host thread is not cleared, so its loader stays reachable
 * and {@link BundleEngine#unreclaimedBundles()} names it. Runs in a child JVM started without the flag.
 */
class LeakScanWithoutOpensTest {

    /** The child JVM's program: a bundle leaves a ThreadLocal on this thread; uninstall; report. */
    public static void main(String[] args) throws InterruptedException {
        try (BundleEngine engine = new BundleEngine(EngineConfig.builder().export("io.nbf.modules.testspi").build())) {
            engine.deploy(Path.of(args[0]));
            System.out.println("answer=" + Calls.probe(engine.registry(), "tl", "go"));
            engine.uninstall("tl", "1.0");
            System.out.println("deep=" + LeakScanner.deepScanAvailable());
            System.out.println("reports=" + engine.leakReports().size());
            for (int i = 0; i < 5; i++) {
                System.gc();
                Thread.sleep(50);
            }
            System.out.println("unreclaimed=" + engine.unreclaimedBundles());
        }
    }

    @Test
    void saysOnceWhatItCannotCheckAndTheLeakShowsAsUnreclaimed() throws IOException, InterruptedException {
        Path jar = BundleJar.bundle("tl", "1.0")
                .source("tl.ProbeImpl", "package tl; public class ProbeImpl implements io.nbf.modules.testspi.Probe {\n"
                        + " static final ThreadLocal<Object> CACHE = new ThreadLocal<>();\n"
                        + " public static class Payload { }\n"
                        + " public String probe(String q) { CACHE.set(new Payload()); return \"cached\"; } }")
                .service("io.nbf.modules.testspi.Probe", "tl.ProbeImpl").build();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LeakScanWithoutOpensTest.class.getName(), jar.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> out = List.of(all.split("\n"));
        assertThat(p.exitValue()).as(all).isZero();
        assertThat(out).contains("answer=cached", "deep=false", "reports=0", "unreclaimed=[tl:1.0]");
        assertThat(all).containsOnlyOnce("are not checked; start the JVM with --add-opens java.base/java.lang=ALL-UNNAMED");
    }
}
