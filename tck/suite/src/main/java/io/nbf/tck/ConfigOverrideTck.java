package io.nbf.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.tck.beans.PriceClients;
import io.nbf.tck.config.TckConfigSource;
import io.nbf.tck.support.BundleArchives;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** A route overridden at runtime through MicroProfile Config, and a bad override rejected. */
public class ConfigOverrideTck extends TckTest {

    static final String PATTERN = "nbf.routes.\"io.nbf.tck.spi.PriceService\".pattern";
    static final String TYPE = "nbf.routes.\"io.nbf.tck.spi.PriceService\".type";

    @Deployment
    public static WebArchive deployment() {
        return deployment(ConfigOverrideTck.class);
    }

    @Inject
    PriceClients clients;

    @Test
    void aRuntimeOverrideRoutesEveryInjectionPointOfTheSpi() {
        clean();
        deploy(BundleArchives.price("hema-fresh", "1.0"));
        deploy(BundleArchives.price("drf-sh-1", "1.0"));
        assertThat(clients.hema("a")).isEqualTo("hema-fresh:1.0:a");

        TckConfigSource.set(TYPE, "REG");
        set(PATTERN, "drf-sh-.*");
        assertThat(clients.hema("a")).isEqualTo("drf-sh-1:1.0:a");
        assertThat(routes.overrides()).containsEntry("io.nbf.tck.spi.PriceService", "REG drf-sh-.*");
        assertThat(routes.explain(io.nbf.tck.spi.PriceService.class)).contains("drf-sh-1");

        TckConfigSource.set(TYPE, null);
        set(PATTERN, null);
        assertThat(clients.hema("a")).isEqualTo("hema-fresh:1.0:a");
    }

    @Test
    void aBadOverrideIsRejectedNamingTheKeyAndTheLastGoodRouteServes() {
        clean();
        deploy(BundleArchives.price("hema-fresh", "1.0"));
        deploy(BundleArchives.price("rt-mart", "1.0"));
        set(PATTERN, "rt-mart");
        assertThat(clients.hema("a")).isEqualTo("rt-mart:1.0:a");

        try {
            TckConfigSource.set(TYPE, "RULE");
            TckConfigSource.set(PATTERN, "{\"merchant\":");
            assertThatThrownBy(() -> routes.refresh()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(PATTERN);
            assertThat(clients.hema("a")).isEqualTo("rt-mart:1.0:a");
        } finally {
            TckConfigSource.reset(); // the next deployment must not start on a bad configuration
        }
    }
}
