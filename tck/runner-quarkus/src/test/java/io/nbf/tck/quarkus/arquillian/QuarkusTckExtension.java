package io.nbf.tck.quarkus.arquillian;

import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The Quarkus runner's Arquillian extension: gives every TCK deployment the Quarkus configuration a
 * Quarkus application using nbf needs (see {@link #APPLICATION_PROPERTIES}).
 */
public class QuarkusTckExtension implements LoadableExtension {

    /**
     * What each TCK deployment needs on Quarkus beyond the archive the suite builds.
     */
    static final String APPLICATION_PROPERTIES = String.join("\n",
            "quarkus.index-dependency.nbf-api.group-id=io.nbf",
            "quarkus.index-dependency.nbf-api.artifact-id=nbf-spi-api",
            "quarkus.arc.unremovable-types=io.nbf.tck.beans.**",
            "");

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ApplicationArchiveProcessor.class, QuarkusSettings.class);
    }

    /** Adds application.properties to the web archive's classes. */
    public static class QuarkusSettings implements ApplicationArchiveProcessor {
        @Override
        public void process(Archive<?> archive, TestClass testClass) {
            if (archive instanceof WebArchive) {
                ((WebArchive) archive).addAsResource(new StringAsset(APPLICATION_PROPERTIES), "application.properties");
            }
        }
    }
}
