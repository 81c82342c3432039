package io.nbf.tck.quarkus.arquillian;

import io.nbf.tck.porting.TelemetryReader;
import io.nbf.tck.quarkus.telemetry.QuarkusTelemetryReader;
import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The Quarkus runner's part of the TCK porting layer for Arquillian's Quarkus adapter: completes each
 * deployment the suite builds with what a Quarkus application using nbf needs (application.properties), and
 * with the runner's {@link TelemetryReader} (its exporter beans and its META-INF/services entry): the
 * deployment is the application root, so the reader must be in it for its beans to be discovered.
 */
public class QuarkusTckExtension implements LoadableExtension {

    /** What each TCK deployment needs on Quarkus beyond the archive the suite builds; see src/main/resources/application.properties. */
    static final String APPLICATION_PROPERTIES = String.join("\n",
            "quarkus.arc.unremovable-types=io.nbf.tck.beans.**,io.nbf.api.**",
            "quarkus.http.host=127.0.0.1",
            "quarkus.http.test-port=0",
            "quarkus.banner.enabled=false",
            "quarkus.otel.metrics.enabled=true",
            "quarkus.otel.exporter.otlp.enabled=false",
            "quarkus.otel.metric.export.interval=1s",
            "quarkus.otel.bsp.schedule.delay=100ms",
            "");

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ApplicationArchiveProcessor.class, QuarkusSettings.class);
    }

    /** Adds application.properties and the telemetry reader to the web archive's classes. */
    public static class QuarkusSettings implements ApplicationArchiveProcessor {
        @Override
        public void process(Archive<?> archive, TestClass testClass) {
            if (!(archive instanceof WebArchive)) {
                return;
            }
            WebArchive war = (WebArchive) archive;
            war.addAsResource(new StringAsset(APPLICATION_PROPERTIES), "application.properties");
            war.addPackage(QuarkusTelemetryReader.class.getPackage());
            war.addAsResource(new StringAsset(QuarkusTelemetryReader.class.getName() + "\n"),
                    "META-INF/services/" + TelemetryReader.class.getName());
        }
    }
}
