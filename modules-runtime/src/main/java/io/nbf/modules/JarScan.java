package io.nbf.modules;

import io.nbf.api.management.InvalidBundleException;
import io.nbf.modules.descriptor.BundleDescriptor;
import io.nbf.modules.descriptor.DescriptorReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * What a bundle JAR declares, read in one pass before anything is loaded: the descriptor and every
 * {@code META-INF/services} file, parsed with {@link java.util.ServiceLoader}'s syntax.
 */
final class JarScan {

    private static final String SERVICES = "META-INF/services/";

    final BundleDescriptor descriptor;
    /** Service file name (the SPI's binary name) to the provider class names it lists, in order. */
    final Map<String, List<String>> serviceFiles;
    /** The packages of the JAR's classes. */
    final Set<String> packages;

    private JarScan(BundleDescriptor descriptor, Map<String, List<String>> serviceFiles, Set<String> packages) {
        this.descriptor = descriptor;
        this.serviceFiles = serviceFiles;
        this.packages = packages;
    }

    /**
     * @param source the file as the user named it, for messages
     * @param jar the file to read (the container's copy)
     * @throws InvalidBundleException if the file is not a readable JAR or its descriptor is wrong
     */
    static JarScan read(Path source, Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            BundleDescriptor descriptor = DescriptorReader.read(source, file);
            Map<String, List<String>> services = new LinkedHashMap<>();
            Set<String> packages = new TreeSet<>();
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
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
            throw new InvalidBundleException(source, "is not a readable JAR file (" + e.getMessage() + ")", e);
        }
    }

    private static List<String> providers(Path source, JarFile file, JarEntry entry) throws IOException {
        List<String> names = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8))) {
            int lineNumber = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNumber++;
                int hash = line.indexOf('#');
                String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (name.isEmpty()) {
                    continue;
                }
                if (name.indexOf(' ') >= 0 || name.indexOf('\t') >= 0 || !Character.isJavaIdentifierStart(name.charAt(0))) {
                    throw new InvalidBundleException(source, entry.getName() + " line " + lineNumber + ": '" + name
                            + "' is not a class name");
                }
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
