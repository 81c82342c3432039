package com.acme.supply.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs README's Weld SE example, {@link HelloNbf#main}, as its own JVM (as {@code java -cp ... HelloNbf} would),
 * on a bundle directory holding the sample's initial bundles.
 */
class HelloNbfIT {

    @Test
    void theMinimalMainCallsABundle() throws Exception {
        Path initial = Path.of(System.getProperty("sample.bundles.initial"));
        Path bundles = Path.of(System.getProperty("sample.bundles.dir") + "-hello");
        Files.createDirectories(bundles);
        try (Stream<Path> old = Files.list(bundles)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        try (Stream<Path> jars = Files.list(initial)) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, bundles.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dnbf.bundles.dir=" + bundles, HelloNbf.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(new File(bundles + ".log"))
                .start();
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(Path.of(bundles + ".log"), StandardCharsets.UTF_8);
        assertThat(exited).as("HelloNbf exits by itself; its output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit status; output:%n%s", output).isZero();
        // the default route: the lowest bundle id, drf-hz-1
        assertThat(output).as(output).contains("drf-hz-1 1.0.0 | delivery.radius.km = 25");
    }
}
