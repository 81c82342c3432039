package io.nbf.modules.descriptor;

import io.nbf.api.management.InvalidBundleException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Reads and checks {@value BundleDescriptor#RESOURCE}:
 *
 * <pre>
 * id=hema-fresh                      # required
 * version=1.0.0                      # required: major[.minor[.micro]][-qualifier]
 * activator=com.hema.HemaActivator   # optional: an io.nbf.api.BundleActivator
 * degradation=rt-mart                # optional: the bundle that takes calls when this one degrades
 * jdk-modules=java.sql, java.xml     # optional: JDK modules beyond java.base
 * attribute.merchant=hema            # any number of attributes (RULE routes match them)
 * attribute.wareHouseId=2001
 * </pre>
 *
 * Any other key is rejected, so a misspelt key does not pass unnoticed.
 */
public final class DescriptorReader {

    static final String ATTRIBUTE_PREFIX = "attribute.";
    private static final List<String> KEYS = List.of("id", "version", "activator", "degradation", "jdk-modules");

    private DescriptorReader() {
    }

    /**
     * Reads the descriptor of an open bundle JAR.
     *
     * @param source the file, for messages
     * @param jar the open JAR
     * @return the descriptor, never {@code null}
     * @throws InvalidBundleException naming {@code source} and the problem, if the descriptor is
     *         missing, unreadable or wrong
     */
    public static BundleDescriptor read(Path source, JarFile jar) {
        ZipEntry entry = jar.getEntry(BundleDescriptor.RESOURCE);
        if (entry == null) {
            throw new InvalidBundleException(source, "no " + BundleDescriptor.RESOURCE
                    + " in the JAR; every bundle declares at least id and version there (see docs/bundle-format.md)");
        }
        Properties p = new Properties();
        try (InputStream in = jar.getInputStream(entry)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidBundleException(source, BundleDescriptor.RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
        return parse(source, p);
    }

    static BundleDescriptor parse(Path source, Properties p) {
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (!KEYS.contains(key) && !(key.startsWith(ATTRIBUTE_PREFIX) && key.length() > ATTRIBUTE_PREFIX.length())) {
                throw problem(source, "unknown key '" + key + "'; the keys are " + KEYS + " and attribute.<name>");
            }
        }
        String id = p.getProperty("id");
        if (id == null || id.isBlank()) {
            throw problem(source, "'id' is missing or blank; give the bundle an id such as id=hema-fresh");
        }
        id = id.trim();
        if (!BundleDescriptor.isValidId(id)) {
            throw problem(source, "'id' value '" + id + "' is invalid; use a letter or digit, then letters, digits, '.', '_' or '-' (at most 128)");
        }
        BundleVersion version;
        try {
            version = BundleVersion.parse(p.getProperty("version"));
        } catch (IllegalArgumentException e) {
            throw problem(source, "'version': " + e.getMessage());
        }
        BundleDescriptor.Builder b = BundleDescriptor.builder(id, version);
        String activator = trimToNull(p.getProperty("activator"));
        if (activator != null) {
            if (!isClassName(activator)) {
                throw problem(source, "'activator' value '" + activator + "' is not a class name");
            }
            b.activatorClass(activator);
        }
        try {
            b.degradationBundle(trimToNull(p.getProperty("degradation")));
        } catch (IllegalArgumentException e) {
            throw problem(source, "'degradation': " + e.getMessage());
        }
        String jdk = p.getProperty("jdk-modules");
        if (jdk != null) {
            for (String m : jdk.split(",")) {
                String name = m.trim();
                if (name.isEmpty()) {
                    continue;
                }
                if (!"java.se".equals(name) && ModuleLayer.boot().findModule(name).isEmpty()) {
                    throw problem(source, "'jdk-modules' names '" + name + "', which this JVM does not have");
                }
                b.jdkModule(name);
            }
        }
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(ATTRIBUTE_PREFIX)) {
                b.attribute(key.substring(ATTRIBUTE_PREFIX.length()), p.getProperty(key).trim());
            }
        }
        return b.build();
    }

    private static boolean isClassName(String name) {
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
                return false;
            }
            for (int i = 1; i < part.length(); i++) {
                if (!Character.isJavaIdentifierPart(part.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static InvalidBundleException problem(Path source, String message) {
        return new InvalidBundleException(source, BundleDescriptor.RESOURCE + ": " + message);
    }
}
