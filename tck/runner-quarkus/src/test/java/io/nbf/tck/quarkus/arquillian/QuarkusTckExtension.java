package io.nbf.tck.quarkus.arquillian;

import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The Quarkus runner's part of the TCK porting layer for Arquillian's Quarkus adapter: completes each
 * deployment the suite builds with what a Quarkus application using nbf needs (application.properties).
 */
public class QuarkusTckExtension implements LoadableExtension {

    /** What each TCK deployment needs on Quarkus beyond the archive the suite builds; see src/main/resources/application.properties. */
    static final String APPLICATION_PROPERTIES = String.join("\n",
            "quarkus.arc.unremovable-types=io.nbf.tck.beans.**,io.nbf.api.**",
            "quarkus.http.host=127.0.0.1",
            "quarkus.http.test-port=0",
            "quarkus.banner.enabled=false",
            "");

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ApplicationArchiveProcessor.class, QuarkusSettings.class);
    }

    /** Adds application.properties to the web archive's classes. */
    public static class QuarkusSettings implements ApplicationArchiveProcessor {
        @Override
        public void process(Archive<?> archive, TestClass testClass) {
            if (!(archive instanceof WebArchive)) {
                return;
            }
            WebArchive war = (WebArchive) archive;
            war.addAsResource(new StringAsset(APPLICATION_PROPERTIES), "application.properties");
        }
    }
}
