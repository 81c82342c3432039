package io.nbf.modules.descriptor;

import static io.nbf.modules.messages.RuntimeMessages.MSG;

import io.nbf.api.management.InvalidBundleException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
     *         missing (NBF1510), larger than {@link EntryLimits#DESCRIPTOR_BYTES} (NBF1507), unreadable (NBF1511)
     *         or wrong (NBF1512, naming the key)
     */
    public static BundleDescriptor read(Path source, JarFile jar) {
        ZipEntry entry = jar.getEntry(BundleDescriptor.RESOURCE);
        if (entry == null) {
            throw MSG.descriptorMissing(source, BundleDescriptor.RESOURCE);
        }
        Properties p = new Properties();
        try {
            p.load(new ByteArrayInputStream(EntryLimits.read(source, jar, entry, EntryLimits.DESCRIPTOR_BYTES)));
        } catch (IOException | IllegalArgumentException e) {
            throw MSG.descriptorUnreadable(source, BundleDescriptor.RESOURCE, e.getMessage(), e);
        }
        return parse(source, p);
    }

    static BundleDescriptor parse(Path source, Properties p) {
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (!KEYS.contains(key) && !(key.startsWith(ATTRIBUTE_PREFIX) && key.length() > ATTRIBUTE_PREFIX.length())) {
                throw problem(source, MSG.unknownKey(key, KEYS));
            }
        }
        String id = p.getProperty("id");
        if (id == null || id.isBlank()) {
            throw problem(source, MSG.idMissing());
        }
        id = id.trim();
        if (!BundleDescriptor.isValidId(id)) {
            throw problem(source, MSG.idInvalid(id));
        }
        String versionText = p.getProperty("version");
        BundleVersion version = BundleVersion.parseOrNull(versionText);
        if (version == null) {
            throw problem(source, MSG.keyInvalid("version", BundleVersion.problem(versionText)));
        }
        BundleDescriptor.Builder b = BundleDescriptor.builder(id, version);
        String activator = trimToNull(p.getProperty("activator"));
        if (activator != null) {
            if (!isClassName(activator)) {
                throw problem(source, MSG.activatorNotAClassName(activator));
            }
            b.activatorClass(activator);
        }
        String degradation = trimToNull(p.getProperty("degradation"));
        String degradationProblem = BundleDescriptor.degradationProblem(id, degradation);
        if (degradationProblem != null) {
            throw problem(source, MSG.keyInvalid("degradation", degradationProblem));
        }
        b.degradationBundle(degradation);
        String jdk = p.getProperty("jdk-modules");
        if (jdk != null) {
            for (String m : jdk.split(",")) {
                String name = m.trim();
                if (name.isEmpty()) {
                    continue;
                }
                if (!"java.se".equals(name) && ModuleLayer.boot().findModule(name).isEmpty()) {
                    throw problem(source, MSG.jdkModuleUnknown(name));
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
        return MSG.descriptorInvalid(source, BundleDescriptor.RESOURCE, message);
    }
}
