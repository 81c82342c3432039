package io.nbf.tck.support;

import io.nbf.tck.spi.PriceService;
import io.nbf.tck.spi.Probe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * Builds the TCK's bundles as ShrinkWrap archives from the bundle classes the suite carries as a
 * resource ({@code nbf-tck/bundles.jar}), a JAR on no class path: the host never sees these classes,
 * and every bundle gets its own copy.
 */
public final class BundleArchives {

    private static final String CLASSES = "nbf-tck/bundles.jar";
    private static Map<String, byte[]> bundleClasses;

    private final String id;
    private final String version;
    private final Map<String, String> descriptor = new LinkedHashMap<>();
    private final Map<String, String> services = new LinkedHashMap<>();

    private BundleArchives(String id, String version) {
        this.id = id;
        this.version = version;
        descriptor.put("id", id);
        descriptor.put("version", version);
        descriptor.put("activator", "io.nbf.tck.bundles.TckActivator");
    }

    /** A bundle whose {@link PriceService} answers {@code <id>:<version>:<sku>} as {@code Signals} steer it. */
    public static BundleArchives price(String id, String version) {
        return new BundleArchives(id, version).service(PriceService.class.getName(), "io.nbf.tck.bundles.SignalledPriceService");
    }

    /** A bundle whose {@link PriceService} injects the host's {@code Clock} and calls the bundle rt-mart. */
    public static BundleArchives composer(String id) {
        return new BundleArchives(id, "1.0").service(PriceService.class.getName(), "io.nbf.tck.bundles.ComposingPriceService");
    }

    /** A bundle whose {@link PriceService} answers {@code <id>:<the value of the config key sku>}, from the host's {@code Config}. */
    public static BundleArchives configReader(String id) {
        return new BundleArchives(id, "1.0").service(PriceService.class.getName(), "io.nbf.tck.bundles.ConfigReadingPriceService");
    }

    /** A bundle whose {@link Probe} reports on its sandbox. */
    public static BundleArchives probe(String id) {
        return new BundleArchives(id, "1.0").service(Probe.class.getName(), "io.nbf.tck.bundles.SandboxProbe");
    }

    public BundleArchives attribute(String key, String value) {
        descriptor.put("attribute." + key, value);
        return this;
    }

    public BundleArchives degradation(String bundleId) {
        descriptor.put("degradation", bundleId);
        return this;
    }

    public BundleArchives service(String spi, String implementation) {
        services.put(spi, implementation);
        return this;
    }

    /** @return the bundle archive: its descriptor, service files, and every TCK bundle class */
    public JavaArchive archive() {
        JavaArchive jar = ShrinkWrap.create(JavaArchive.class, id + "-" + version + ".jar");
        StringBuilder props = new StringBuilder();
        descriptor.forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
        jar.addAsManifestResource(new StringAsset(props.toString()), "nbf-bundle.properties");
        services.forEach((spi, impl) -> jar.addAsManifestResource(new StringAsset(impl + "\n"), "services/" + spi));
        classes().forEach((path, bytes) -> jar.add(new ByteArrayAsset(bytes), path));
        return jar;
    }

    private static synchronized Map<String, byte[]> classes() {
        if (bundleClasses == null) {
            Map<String, byte[]> read = new LinkedHashMap<>();
            try (InputStream in = BundleArchives.class.getClassLoader().getResourceAsStream(CLASSES)) {
                if (in == null) {
                    throw new IllegalStateException(CLASSES + " is missing from the TCK deployment; build it with TckDeployment");
                }
                try (JarInputStream jar = new JarInputStream(in)) {
                    for (JarEntry e; (e = jar.getNextJarEntry()) != null; ) {
                        if (e.getName().endsWith(".class")) {
                            read.put(e.getName(), jar.readAllBytes());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundleClasses = read;
        }
        return bundleClasses;
    }
}
