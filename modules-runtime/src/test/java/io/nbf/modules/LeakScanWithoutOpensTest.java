package io.nbf.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbf.modules.leak.LeakScanner;
import io.nbf.modules.testing.TestBundles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Without {@code --add-opens java.base/java.lang}, the scanner cannot look into thread locals and
 * shutdown hooks, and says so, naming the flag. Runs in a child JVM started without the flag.
 */
class LeakScanWithoutOpensTest {

    /** The child JVM's program: install, start, uninstall, print the leak report. */
    public static void main(String[] args) {
        try (BundleEngine engine = new BundleEngine(EngineConfig.builder().export("io.nbf.modules.testspi").build())) {
            engine.deploy(Path.of(args[0]));
            engine.uninstall("plain", "1.0");
            System.out.println("deep=" + LeakScanner.deepScanAvailable());
            engine.leakReports().forEach(r -> System.out.println("report=" + r));
        }
    }

    @Test
    void reportsWhatItCouldNotCheckAndHowToEnableIt() throws IOException, InterruptedException {
        Path jar = TestBundles.greeter("plain", "1.0", "Hi").build();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LeakScanWithoutOpensTest.class.getName(), jar.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> out = List.of(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        assertThat(p.exitValue()).as(String.join("\n", out)).isZero();
        assertThat(out).contains("deep=false");
        assertThat(out).anySatisfy(line -> assertThat(line).startsWith("report=plain:1.0: thread locals and shutdown hooks were not checked")
                .contains("--add-opens java.base/java.lang=ALL-UNNAMED"));
    }
}
