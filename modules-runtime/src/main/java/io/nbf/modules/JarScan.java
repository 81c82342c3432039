package io.nbf.modules;

import static io.nbf.modules.messages.RuntimeMessages.MSG;

import io.nbf.api.management.InvalidBundleException;
import io.nbf.modules.descriptor.BundleDescriptor;
import io.nbf.modules.descriptor.DescriptorReader;
import io.nbf.modules.descriptor.EntryLimits;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * What a bundle JAR declares, read in one pass before anything is loaded: the descriptor and every
 * {@code META-INF/services} file, parsed with {@link java.util.ServiceLoader}'s syntax. Every entry it reads
 * is bounded ({@link EntryLimits}): descriptor, service files and manifest at most 64 KiB each (also while
 * inflating), class entries at most 16 MiB declared, at most 65,536 entries. Immutable.
 *
 * @param descriptor the descriptor
 * @param serviceFiles service file name (the SPI's binary name) to the provider class names it lists, in
 *        the order of the JAR and of the file
 * @param packages the packages of the JAR's classes, sorted
 */
record JarScan(BundleDescriptor descriptor, Map<String, List<String>> serviceFiles, Set<String> packages) {

    private static final String SERVICES = "META-INF/services/";

    JarScan {
        Objects.requireNonNull(descriptor, "descriptor");
        Map<String, List<String>> files = new LinkedHashMap<>();
        serviceFiles.forEach((spi, providers) -> files.put(spi, List.copyOf(providers)));
        serviceFiles = Collections.unmodifiableMap(files);
        packages = Collections.unmodifiableSet(new TreeSet<>(packages));
    }

    /**
     * @param source the file as the user named it, for messages
     * @param jar the file to read (the container's copy)
     * @throws InvalidBundleException if the file is not a readable JAR, its descriptor is wrong, or an entry
     *         is past a limit of {@link EntryLimits} (NBF1507, NBF1508)
     */
    static JarScan read(Path source, Path jar) {
        // verify=false: the JDK would otherwise read the manifest unbounded as soon as the JAR looks signed
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            BundleDescriptor descriptor = DescriptorReader.read(source, file);
            Map<String, List<String>> services = new LinkedHashMap<>();
            Set<String> packages = new TreeSet<>();
            if (file.size() > EntryLimits.ENTRIES) {
                throw MSG.tooManyEntries(source, EntryLimits.ENTRIES);
            }
            int count = 0;
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (++count > EntryLimits.ENTRIES) {
                    throw MSG.tooManyEntries(source, EntryLimits.ENTRIES);
                }
                String name = entry.getName();
                if (name.endsWith(".class")) {
                    EntryLimits.checkDeclared(source, entry, EntryLimits.CLASS_BYTES);
                } else if (name.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                    EntryLimits.read(source, file, entry, EntryLimits.MANIFEST_BYTES); // the JDK and JBoss Modules read it
                }
                int slash = name.lastIndexOf('/');
                if (name.endsWith(".class") && slash > 0 && !name.startsWith("META-INF/")) {
                    packages.add(name.substring(0, slash).replace('/', '.'));
                }
                if (!entry.isDirectory() && name.startsWith(SERVICES) && name.indexOf('/', SERVICES.length()) < 0
                        && name.length() > SERVICES.length()) {
                    services.put(name.substring(SERVICES.length()), providers(source, file, entry));
                }
            }
            return new JarScan(descriptor, services, packages);
        } catch (IOException e) {
            throw MSG.notAJar(source, e.getMessage(), e);
        }
    }

    private static List<String> providers(Path source, JarFile file, JarEntry entry) throws IOException {
        List<String> names = new ArrayList<>();
        byte[] bytes = EntryLimits.read(source, file, entry, EntryLimits.SERVICE_FILE_BYTES);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            int lineNumber = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNumber++;
                int hash = line.indexOf('#');
                String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (name.isEmpty()) {
                    continue;
                }
                if (name.indexOf(' ') >= 0 || name.indexOf('\t') >= 0 || !Character.isJavaIdentifierStart(name.charAt(0))) {
                    throw MSG.serviceFileEntryNotAClassName(source, entry.getName(), lineNumber, name);
                }
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
