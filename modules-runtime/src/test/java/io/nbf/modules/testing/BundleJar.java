package io.nbf.modules.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds a real bundle JAR at test time: compiles Java sources with {@code javax.tools} against the
 * test class path, then writes the classes, the descriptor, service files and resources into a JAR.
 * Identical builds are compiled once per JVM and cached under {@code target/test-bundles}.
 */
public final class BundleJar {

    private static final Path CACHE = Paths.get("target", "test-bundles").toAbsolutePath();
    private static final Map<String, Path> BUILT = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<String, String> sources = new TreeMap<>();
    private final Map<String, String> resources = new TreeMap<>();
    private final Map<String, List<String>> services = new TreeMap<>();
    private final Map<String, String> descriptor = new LinkedHashMap<>();
    private String rawDescriptor;
    private boolean withDescriptor = true;
    private final List<Path> extraClasspath = new ArrayList<>();

    private BundleJar() {
    }

    /** A bundle with this id and version in its descriptor. */
    public static BundleJar bundle(String id, String version) {
        BundleJar b = new BundleJar();
        b.descriptor.put("id", id);
        b.descriptor.put("version", version);
        return b;
    }

    /** A JAR with no descriptor at all. */
    public static BundleJar withoutDescriptor() {
        BundleJar b = new BundleJar();
        b.withDescriptor = false;
        return b;
    }

    /** Sets or removes ({@code null}) a descriptor key. */
    public BundleJar descriptor(String key, String value) {
        if (value == null) {
            descriptor.remove(key);
        } else {
            descriptor.put(key, value);
        }
        return this;
    }

    /** Replaces the whole descriptor text. */
    public BundleJar rawDescriptor(String text) {
        this.rawDescriptor = text;
        return this;
    }

    public BundleJar attribute(String key, String value) {
        return descriptor("attribute." + key, value);
    }

    public BundleJar activator(String className) {
        return descriptor("activator", className);
    }

    /** Adds a Java source; {@code className} is its fully qualified name. */
    public BundleJar source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Adds {@code META-INF/services/<spi>} listing the implementations. */
    public BundleJar service(String spi, String... implementations) {
        services.computeIfAbsent(spi, k -> new ArrayList<>()).addAll(List.of(implementations));
        return this;
    }

    /** Adds a resource file. */
    public BundleJar resource(String path, String content) {
        resources.put(path, content);
        return this;
    }

    /** Compiles against this JAR (or directory) too, e.g. a library the bundle does not contain. */
    public BundleJar compileAgainst(Path classpathEntry) {
        extraClasspath.add(classpathEntry);
        return this;
    }

    /**
     * Compiles and packages the bundle.
     *
     * @return the JAR, in a per-JVM cache; copy it before changing it
     */
    public Path build() {
        String key = key();
        return BUILT.computeIfAbsent(key, k -> {
            try {
                Files.createDirectories(CACHE);
                Path jar = CACHE.resolve(name() + "-" + k.substring(0, 16) + ".jar");
                Files.write(jar, bytes());
                return jar;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Builds and copies the JAR to {@code target}, replacing it. */
    public Path buildTo(Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".part", ".tmp");
            Files.copy(build(), tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String name() {
        String id = descriptor.getOrDefault("id", "bundle").replaceAll("[^A-Za-z0-9._-]", "_");
        String version = descriptor.getOrDefault("version", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return (id.isEmpty() ? "blank" : id) + "-" + version;
    }

    private String key() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            String text = sources + "|" + resources + "|" + services + "|" + descriptor + "|" + rawDescriptor
                    + "|" + withDescriptor + "|" + extraClasspath;
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] bytes() throws IOException {
        Map<String, byte[]> classes = compile();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            if (withDescriptor) {
                put(jar, "META-INF/nbf-bundle.properties", descriptorText().getBytes(StandardCharsets.ISO_8859_1));
            }
            for (Map.Entry<String, List<String>> s : services.entrySet()) {
                put(jar, "META-INF/services/" + s.getKey(), (String.join("\n", s.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, String> r : resources.entrySet()) {
                put(jar, r.getKey(), r.getValue().getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                put(jar, c.getKey().replace('.', '/') + ".class", c.getValue());
            }
        }
        return out.toByteArray();
    }

    private String descriptorText() {
        if (rawDescriptor != null) {
            return rawDescriptor;
        }
        StringBuilder sb = new StringBuilder();
        descriptor.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    private static void put(JarOutputStream jar, String name, byte[] content) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(content);
        jar.closeEntry();
    }

    private Map<String, byte[]> compile() {
        Map<String, byte[]> classes = new TreeMap<>();
        if (sources.isEmpty()) {
            return classes;
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, code) -> units.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        }));
        ForwardingJavaFileManager<StandardJavaFileManager> inMemory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return new ByteArrayOutputStream() {
                            @Override
                            public void close() {
                                classes.put(className, toByteArray());
                            }
                        };
                    }
                };
            }
        };
        StringBuilder cp = new StringBuilder(System.getProperty("java.class.path"));
        extraClasspath.forEach(p -> cp.append(java.io.File.pathSeparator).append(p.toAbsolutePath()));
        List<String> options = List.of("-classpath", cp.toString(), "--release", "17", "-proc:none", "-Xlint:none");
        boolean ok = javac.getTask(null, inMemory, diagnostics, options, null, units).call();
        if (!ok) {
            StringBuilder sb = new StringBuilder("bundle sources do not compile:");
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                sb.append('\n').append(d);
            }
            throw new IllegalArgumentException(sb.toString());
        }
        return classes;
    }
}
