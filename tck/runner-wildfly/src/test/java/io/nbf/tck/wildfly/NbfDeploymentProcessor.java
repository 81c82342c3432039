package io.nbf.tck.wildfly;

import io.nbf.api.DynamicInject;
import io.nbf.cdi.NbfExtension;
import io.nbf.modules.BundleEngine;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Turns a TCK deployment into what a WildFly application using nbf is (see samples/wildfly/README.md):
 * <ul>
 *   <li>nbf's three JARs in {@code WEB-INF/lib} (spi-api, modules-runtime, cdi-extension); nothing else of
 *       nbf's dependencies: WildFly provides JSON-P (Parsson), MicroProfile Config and CDI, and the bundle
 *       container must use the server's JBoss Modules, never a second copy;</li>
 *   <li>{@value #DEPENDENCIES} in the manifest's {@code Dependencies}: the server's JBoss Modules, and
 *       SmallRye Fault Tolerance's programmatic API with its services (its CDI extension and its
 *       {@code Spi}), which WildFly keeps in a private module that deployments do not see by default;</li>
 *   <li>the libraries the TCK's own classes use in the server: AssertJ, Awaitility and Hamcrest.</li>
 * </ul>
 * Each JAR is found where the test class path has it (a JAR, or a {@code target/classes} directory when
 * a reactor build resolves a module to it).
 */
public class NbfDeploymentProcessor implements ApplicationArchiveProcessor {

    /** What the manifest's {@code Dependencies} header of a WildFly application using nbf holds. */
    public static final String DEPENDENCIES =
            "org.jboss.modules, io.smallrye.fault-tolerance services, org.eclipse.microprofile.fault-tolerance.api";

    private static final Attributes.Name DEPENDENCIES_HEADER = new Attributes.Name("Dependencies");
    private static final ArchivePath MANIFEST = ArchivePaths.create("META-INF/MANIFEST.MF");
    private static final Map<Class<?>, Archive<?>> LIBRARIES = new ConcurrentHashMap<>();

    @Override
    public void process(Archive<?> applicationArchive, TestClass testClass) {
        if (!(applicationArchive instanceof WebArchive)) {
            return;
        }
        WebArchive war = (WebArchive) applicationArchive;
        List<Archive<?>> libraries = new ArrayList<>();
        for (Class<?> marker : List.of(DynamicInject.class, BundleEngine.class, NbfExtension.class,
                Assertions.class, Awaitility.class, Matcher.class)) {
            libraries.add(LIBRARIES.computeIfAbsent(marker, NbfDeploymentProcessor::libraryOf));
        }
        war.addAsLibraries(libraries.toArray(new Archive<?>[0]));
        war.setManifest(new ByteArrayAsset(withDependencies(war)));
    }

    /** @return the archive's manifest (or a new one) with {@link #DEPENDENCIES} added to its {@code Dependencies} */
    static byte[] withDependencies(Archive<?> archive) {
        Manifest manifest = new Manifest();
        Node node = archive.get(MANIFEST);
        if (node != null && node.getAsset() != null) {
            try (InputStream in = node.getAsset().openStream()) {
                manifest.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the manifest of " + archive.getName(), e);
            }
        }
        Attributes main = manifest.getMainAttributes();
        main.putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
        String existing = main.getValue(DEPENDENCIES_HEADER);
        main.put(DEPENDENCIES_HEADER, existing == null || existing.isBlank() ? DEPENDENCIES : existing + ", " + DEPENDENCIES);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            manifest.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return the JAR (or class directory) that {@code type} was loaded from, as an archive */
    static Archive<?> libraryOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from");
        }
        File file;
        try {
            file = new File(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the location of " + type.getName() + ": " + source.getLocation(), e);
        }
        if (file.isDirectory()) {
            // target/classes in a reactor build: named after its module directory (target's parent)
            String name = file.getParentFile().getParentFile().getName() + ".jar";
            return ShrinkWrap.create(ExplodedImporter.class, name).importDirectory(file).as(JavaArchive.class);
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, file);
    }
}
