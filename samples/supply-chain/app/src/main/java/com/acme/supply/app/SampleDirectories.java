package com.acme.supply.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the bundle JARs are: {@code initial} and {@code upgrades} hold what the build staged (the
 * maven-dependency-plugin copies the bundle modules' JARs there); {@code bundleDir} is the directory nbf
 * deploys from and watches ({@code nbf.bundles.dir}). The system properties {@code sample.bundles.*}
 * name them; the defaults suit a run from the app module's directory.
 */
record SampleDirectories(Path initial, Path upgrades, Path bundleDir) {

    static SampleDirectories fromSystemProperties() {
        return new SampleDirectories(
                path("sample.bundles.initial", "target/bundles/initial"),
                path("sample.bundles.upgrades", "target/bundles/upgrades"),
                path("sample.bundles.dir", "target/nbf-bundles"));
    }

    private static Path path(String property, String defaultValue) {
        return Path.of(System.getProperty(property, defaultValue)).toAbsolutePath().normalize();
    }

    /**
     * Empties the bundle directory and copies the initial bundles into it, so every run starts from the
     * same four bundles (a previous run leaves hema-fresh 2.0.0 behind).
     *
     * @return the file names copied
     */
    List<String> prepare() throws IOException {
        Files.createDirectories(bundleDir);
        for (Path old : jars(bundleDir)) {
            Files.delete(old);
        }
        List<Path> jars = jars(initial);
        if (jars.isEmpty()) {
            throw new IllegalStateException("no bundle JARs in " + initial + ": build the sample first"
                    + " (mvn -B -DskipTests install -pl samples/supply-chain/app -am, from the repository root)");
        }
        List<String> names = new ArrayList<>();
        for (Path jar : jars) {
            Files.copy(jar, bundleDir.resolve(jar.getFileName()));
            names.add(jar.getFileName().toString());
        }
        return names;
    }

    /**
     * Drops a staged upgrade into the bundle directory, where hot deploy picks it up. Copied under a name
     * the deployer ignores and then renamed, so the deployer never sees a half-written JAR (it would wait
     * for the file to hold still anyway; the rename is simply the tidy way to publish a file).
     *
     * @return the file in the bundle directory
     */
    Path dropUpgrade(String fileName) throws IOException {
        Path source = upgrades.resolve(fileName);
        if (!Files.isRegularFile(source)) {
            throw new IllegalStateException("no " + fileName + " in " + upgrades + ": build the sample first");
        }
        Path partial = bundleDir.resolve(fileName + ".part");
        Path target = bundleDir.resolve(fileName);
        Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<Path> jars(Path dir) throws IOException {
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.jar")) {
                stream.forEach(jars::add);
            }
        }
        jars.sort(null);
        return jars;
    }
}
