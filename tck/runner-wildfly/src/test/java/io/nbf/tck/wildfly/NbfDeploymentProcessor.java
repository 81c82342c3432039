package io.nbf.tck.wildfly;

import io.nbf.api.DynamicInject;
import io.nbf.cdi.NbfExtension;
import io.nbf.modules.BundleEngine;
import io.nbf.tck.porting.HealthReader;
import io.nbf.tck.porting.TelemetryReader;
import io.nbf.tck.wildfly.porting.OtlpEndpointConfigSource;
import io.nbf.tck.wildfly.porting.OtlpReceiverShutdown;
import io.nbf.tck.wildfly.porting.WildFlyHealthReader;
import io.nbf.tck.wildfly.porting.WildFlyTelemetryReader;
import jakarta.enterprise.inject.spi.Extension;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.impl.base.ServiceExtensionLoader;
import org.jboss.shrinkwrap.spi.Configurable;

/**
 * Turns a TCK deployment into what a WildFly application using nbf is (see samples/wildfly/README.md):
 * <ul>
 *   <li>nbf's JARs in {@code WEB-INF/lib} (spi-api, modules-runtime, cdi-extension, and nbf-health for the
 *       health checks, a bean archive, so that WildFly's health reporter sees them); nothing else of
 *       nbf's dependencies: WildFly provides JSON-P (Parsson), MicroProfile Config and CDI, and the bundle
 *       container must use the server's JBoss Modules, never a second copy;</li>
 *   <li>{@value #DEPENDENCIES} in the manifest's {@code Dependencies}: the server's JBoss Modules;
 *       SmallRye Fault Tolerance's programmatic API with its services (its CDI extension and its
 *       {@code Spi}), which WildFly keeps in a private module that deployments do not see by default; and
 *       the MicroProfile Fault Tolerance API, which WildFly adds only to deployments with Fault Tolerance
 *       annotations. Each is needed: samples/wildfly/README.md says what fails without it;</li>
 *   <li>the libraries the TCK's own classes use in the server: AssertJ, Awaitility, Hamcrest and ShrinkWrap's
 *       implementation;</li>
 *   <li>the runner's porting JAR ({@value #PORTING_JAR}, package {@code io.nbf.tck.wildfly.porting}): the TCK's
 *       {@link TelemetryReader} (an OTLP/HTTP receiver on 127.0.0.1 the deployment's OpenTelemetry SDK exports
 *       to) and {@link HealthReader} (the management interface's {@code /health}), with the config that turns
 *       the deployment's MicroProfile Telemetry on ({@code META-INF/microprofile-config.properties}, from
 *       {@code src/test/resources/nbf-tck-wildfly}) and names the receiver as its endpoint. Nothing of it is
 *       what a user's application needs: OpenTelemetry's API is visible to every deployment without a
 *       {@code Dependencies} entry (WildFly's opentelemetry subsystem adds {@code io.opentelemetry.api} and the
 *       rest to each), only {@code otel.sdk.disabled=false} is the user's to set.</li>
 * </ul>
 * Each JAR is found where the test class path has it (a JAR, or a {@code target/classes} directory when
 * a reactor build resolves a module to it).
 */
public class NbfDeploymentProcessor implements ApplicationArchiveProcessor {

    /** What the manifest's {@code Dependencies} header of a WildFly application using nbf holds. */
    public static final String DEPENDENCIES =
            "org.jboss.modules, io.smallrye.fault-tolerance services, org.eclipse.microprofile.fault-tolerance.api";

    /** A class of each of nbf's JARs: spi-api, modules-runtime, cdi-extension, and the optional nbf-health. */
    private static final List<Class<?>> NBF = List.of(DynamicInject.class, BundleEngine.class, NbfExtension.class,
            io.nbf.health.NbfStartupCheck.class);
    /**
     * A class of each library the TCK's classes use in the server that WildFly does not provide: AssertJ,
     * Awaitility and its Hamcrest, and ShrinkWrap's implementation (the TCK builds bundle archives in the
     * server; Arquillian brings only ShrinkWrap's API along).
     */
    private static final List<Class<?>> TCK_LIBRARIES = List.of(Assertions.class, Awaitility.class, Matcher.class,
            ServiceExtensionLoader.class, Configurable.class);
    /** The name of the runner's porting JAR in {@code WEB-INF/lib}. */
    public static final String PORTING_JAR = "nbf-tck-wildfly-porting.jar";
    /**
     * The {@code Dependencies} of the porting JAR's own manifest (WildFly reads those of {@code WEB-INF/lib} JARs
     * too): the JDK's HTTP server, which the receiver uses, is outside {@code java.se}, the only JDK module
     * WildFly gives every deployment.
     */
    static final String PORTING_DEPENDENCIES = "jdk.httpserver";
    private static final Attributes.Name DEPENDENCIES_HEADER = new Attributes.Name("Dependencies");
    private static final ArchivePath MANIFEST = ArchivePaths.create("META-INF/MANIFEST.MF");
    private static final Map<Class<?>, File> LOCATIONS = new ConcurrentHashMap<>();

    @Override
    public void process(Archive<?> applicationArchive, TestClass testClass) {
        if (!(applicationArchive instanceof WebArchive)) {
            return;
        }
        WebArchive war = (WebArchive) applicationArchive;
        for (Class<?> marker : NBF) {
            addLibrary(war, marker);
        }
        for (Class<?> marker : TCK_LIBRARIES) {
            addLibrary(war, marker);
        }
        war.addAsLibrary(portingJar());
        war.setManifest(new ByteArrayAsset(withDependencies(war)));
    }

    /** @return the runner's porting JAR: its classes, their META-INF/services entries, and the deployment's telemetry config */
    static JavaArchive portingJar() {
        return ShrinkWrap.create(JavaArchive.class, PORTING_JAR)
                .addPackage(WildFlyTelemetryReader.class.getPackage())
                .addAsServiceProvider(TelemetryReader.class, WildFlyTelemetryReader.class)
                .addAsServiceProvider(HealthReader.class, WildFlyHealthReader.class)
                .addAsServiceProvider(ConfigSource.class, OtlpEndpointConfigSource.class)
                .addAsServiceProvider(Extension.class, OtlpReceiverShutdown.class)
                .addAsManifestResource("nbf-tck-wildfly/microprofile-config.properties", "microprofile-config.properties")
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: " + PORTING_DEPENDENCIES + "\n"));
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

    /** Adds the JAR (or class directory) {@code type} was loaded from to {@code WEB-INF/lib}. */
    static void addLibrary(WebArchive war, Class<?> type) {
        File file = LOCATIONS.computeIfAbsent(type, NbfDeploymentProcessor::locationOf);
        if (file.isDirectory()) {
            // target/classes in a reactor build: named after its module directory (target's parent)
            String name = file.getParentFile().getParentFile().getName() + ".jar";
            war.addAsLibrary(ShrinkWrap.create(ExplodedImporter.class, name).importDirectory(file).as(JavaArchive.class));
        } else {
            war.addAsLibrary(file);
        }
    }

    /** @return the JAR or class directory {@code type} was loaded from */
    static File locationOf(Class<?> type) {
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
        return file;
    }
}
