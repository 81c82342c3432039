package io.nbf.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbf.api.management.BundleState;
import io.nbf.tck.support.BundleArchives;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Bundle to container (a host bean injected into a bundle) and bundle to bundle (@DynamicInject in a bundle). */
public class CompositionTck extends TckTest {

    @Deployment
    public static WebArchive deployment() {
        return deployment(CompositionTck.class);
    }

    @Test
    void aBundleUsesAHostBeanAndAnotherBundle() {
        clean();
        deploy(BundleArchives.price("rt-mart", "1.0"));
        deploy(BundleArchives.composer("composer"));
        assertThat(bundles.bundle("composer", "1.0").orElseThrow().state()).isEqualTo(BundleState.ACTIVE);
        assertThat(quoteVia("composer")).as("the host bean runs with the host's context class loader")
                .isEqualTo("composer@12:00+rt-mart:1.0:sku");
    }
}
