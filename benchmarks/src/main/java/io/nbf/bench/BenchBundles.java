package io.nbf.bench;

import io.nbf.modules.BundleEngine;
import io.nbf.modules.EngineConfig;
import io.nbf.modules.testing.BundleJar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Bundles and engines for the benchmarks. Bundle JARs are compiled at setup with the tests'
 * {@link BundleJar} and kept under {@code target/bench-bundles} (relative to the working directory),
 * keyed by a hash of their sources and descriptor, so a fresh JVM that finds them does not run javac
 * before it measures (the cold install figures depend on that).
 */
final class BenchBundles {

    static final String GREETER = "io.nbf.modules.testspi.Greeter";
    static final String DESCRIPTOR = "META-INF/nbf-bundle.properties";
    private static final Path CACHE = Paths.get("target", "bench-bundles").toAbsolutePath();

    private BenchBundles() {
    }

    /** An engine exporting the test SPI package, keeping one former version per bundle. */
    static BundleEngine engine() {
        return new BundleEngine(config().build());
    }

    /** The same, staging bundle JARs in {@code workDirectory} (deleted by the caller). */
    static BundleEngine engine(Path workDirectory) {
        return new BundleEngine(config().workDirectory(workDirectory).build());
    }

    private static EngineConfig.Builder config() {
        return EngineConfig.builder()
                .hostClassLoader(BenchBundles.class.getClassLoader())
                .export("io.nbf.modules.testspi")
                .retainedVersions(1);
    }

    /**
     * Installs and starts {@code count} Greeter bundles {@code b-00000}, {@code b-00001}... (attributes
     * {@code merchant=m<i>}, {@code wareHouseId=<i>}), copies of one compiled bundle.
     *
     * @param jars where to write the JARs
     */
    static void deployFillers(BundleEngine engine, Path jars, int count) {
        if (count <= 0) {
            return;
        }
        Path template = greeter("template", "1.0");
        List<Path> copies = copies(template, jars, count, i -> {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("id", String.format("b-%05d", i));
            d.put("version", "1.0");
            d.put("attribute.merchant", "m" + i);
            d.put("attribute.wareHouseId", Integer.toString(i));
            return d;
        });
        long start = System.nanoTime();
        for (Path jar : copies) {
            engine.deploy(jar);
        }
        System.out.printf("%n[setup] %d filler bundles installed and started in %d ms%n", count, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * A Greeter bundle that answers {@code "Hello " + name}, the same work as {@link DirectGreeter}.
     *
     * @param attributes attribute names and values, alternating
     */
    static Path greeter(String id, String version, String... attributes) {
        return greeter(id, version, "Hello", 1, attributes);
    }

    /**
     * A Greeter bundle of {@code classes} classes: the implementation answers {@code greeting + " " + name},
     * and its constructor touches the {@code classes - 1} helper classes, so that starting the bundle loads
     * and initializes all of them (as a real bundle's service does with its collaborators).
     *
     * @param attributes attribute names and values, alternating
     * @return the JAR, built once and then reused from {@code target/bench-bundles}
     */
    static Path greeter(String id, String version, String greeting, int classes, String... attributes) {
        String pkg = "bench." + id.replaceAll("[^A-Za-z0-9]", "_") + ".v" + version.replaceAll("[^A-Za-z0-9]", "_");
        Map<String, String> sources = new TreeMap<>();
        StringBuilder touch = new StringBuilder("0");
        for (int i = 1; i < classes; i++) {
            String helper = "H" + i;
            sources.put(pkg + "." + helper, "package " + pkg + ";\n"
                    + "final class " + helper + " {\n"
                    + "  static final int[] TABLE = new int[] {" + i + ", " + (i * 31) + ", " + (i * 17) + "};\n"
                    + "  private final int seed;\n"
                    + "  " + helper + "(int seed) { this.seed = seed; }\n"
                    + "  int value() { return seed + TABLE[seed & 1] + TABLE.length; }\n"
                    + "  @Override public String toString() { return \"" + helper + "(\" + seed + \")\"; }\n"
                    + "}\n");
            touch.append(" + new ").append(helper).append("(").append(i).append(").value()");
        }
        sources.put(pkg + ".G", "package " + pkg + ";\n"
                + "public class G implements io.nbf.modules.testspi.Greeter {\n"
                + "  final int checksum;\n"
                + "  public G() { checksum = " + touch + "; }\n"
                + "  public String greet(String name) { return \"" + greeting + " \" + name; }\n"
                + "}\n");
        Map<String, String> descriptor = new LinkedHashMap<>();
        descriptor.put("id", id);
        descriptor.put("version", version);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            descriptor.put("attribute." + attributes[i], attributes[i + 1]);
        }
        String key = hash(sources + "|" + descriptor + "|" + GREETER + "|" + pkg);
        Path cached = CACHE.resolve(id + "-" + version + "-" + key.substring(0, 16) + ".jar");
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        BundleJar jar = BundleJar.bundle(id, version).service(GREETER, pkg + ".G");
        sources.forEach(jar::source);
        descriptor.forEach((k, v) -> {
            if (k.startsWith("attribute.")) {
                jar.attribute(k.substring("attribute.".length()), v);
            }
        });
        try {
            Files.createDirectories(CACHE);
            Path tmp = Files.createTempFile(CACHE, ".part", ".jar");
            Files.copy(jar.build(), tmp, StandardCopyOption.REPLACE_EXISTING);
            return Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies of a bundle JAR that differ only in their descriptor: fast enough for thousands of
     * bundles (one compilation). The classes keep their names, which is fine: every bundle has its
     * own class loader.
     *
     * @param template a bundle JAR
     * @param dir where to write the copies
     * @param count how many
     * @param descriptor the descriptor of copy {@code i}, as key/value pairs ({@code id}, {@code version},
     *        {@code attribute.<name>}...)
     * @return the copies, in order
     */
    static List<Path> copies(Path template, Path dir, int count, IntFunction<Map<String, String>> descriptor) {
        try {
            Files.createDirectories(dir);
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (InputStream in = Files.newInputStream(template); ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    entries.put(e.getName(), zip.readAllBytes());
                }
            }
            if (!entries.containsKey(DESCRIPTOR)) {
                throw new IllegalArgumentException(template + " has no " + DESCRIPTOR);
            }
            List<Path> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Map<String, String> d = descriptor.apply(i);
                StringBuilder text = new StringBuilder();
                d.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
                Path jar = dir.resolve(d.get("id") + "-" + d.get("version") + ".jar");
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
                try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                        zip.putNextEntry(new ZipEntry(e.getKey()));
                        zip.write(e.getKey().equals(DESCRIPTOR) ? text.toString().getBytes(StandardCharsets.ISO_8859_1) : e.getValue());
                        zip.closeEntry();
                    }
                }
                try (OutputStream o = Files.newOutputStream(jar)) {
                    bytes.writeTo(o);
                }
                out.add(jar);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh directory under {@code target/} for generated JARs; delete it with {@link #deleteTree}. */
    static Path scratch(String prefix) {
        try {
            Path target = Paths.get("target").toAbsolutePath();
            Files.createDirectories(target);
            return Files.createTempDirectory(target, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }

    private static String hash(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
