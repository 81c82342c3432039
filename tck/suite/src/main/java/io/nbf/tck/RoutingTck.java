package io.nbf.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.api.ServiceNotFoundException;
import io.nbf.tck.beans.PriceClients;
import io.nbf.tck.support.BundleArchives;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Default, ID, REG, RULE and dynamic routing against the live bundles. */
public class RoutingTck extends TckTest {

    @Deployment
    public static WebArchive deployment() {
        return deployment(RoutingTck.class);
    }

    @Inject
    PriceClients clients;

    @Test
    void theDefaultRouteTakesTheSingleImplementation() {
        clean();
        deploy(BundleArchives.price("only", "1.0"));
        assertThat(clients.byDefault("a")).isEqualTo("only:1.0:a");
    }

    @Test
    void theIdRouteTakesThatBundleAndCountsASwitchFromTheNextCall() {
        clean();
        deploy(BundleArchives.price("hema-fresh", "1.0"));
        deploy(BundleArchives.price("rt-mart", "1.0"));
        assertThat(clients.hema("a")).isEqualTo("hema-fresh:1.0:a");
        deploy(BundleArchives.price("hema-fresh", "2.0"));
        assertThat(clients.hema("a")).isEqualTo("hema-fresh:2.0:a");
    }

    @Test
    void theRegexMustMatchTheWholeIdAndTheLowestIdWins() {
        clean();
        deploy(BundleArchives.price("x-drf-hz-9", "1.0"));
        assertThatThrownBy(() -> clients.hangzhou("a")).isInstanceOf(ServiceNotFoundException.class);
        deploy(BundleArchives.price("drf-hz-2", "1.0"));
        deploy(BundleArchives.price("drf-hz-1", "1.0"));
        assertThat(clients.hangzhou("a")).isEqualTo("drf-hz-1:1.0:a");
    }

    @Test
    void theRuleMatchesTypedAttributes() {
        clean();
        deploy(BundleArchives.price("a-store", "1.0").attribute("merchant", "hema").attribute("wareHouseId", "2002"));
        deploy(BundleArchives.price("b-store", "1.0").attribute("merchant", "hema").attribute("wareHouseId", "2001.0"));
        assertThat(clients.hemaWarehouse("a")).as("2001 equals 2001.0 as a number").isEqualTo("b-store:1.0:a");
        assertThat(clients.where(Map.of("wareHouseId", 2002), "a")).isEqualTo("a-store:1.0:a");
        assertThat(clients.where(Map.of("merchant", "hema"), "a")).as("ties: the lowest id").isEqualTo("a-store:1.0:a");
    }

    @Test
    void noMatchingBundleRaisesServiceNotFoundNamingSpiAndRoute() {
        clean();
        deploy(BundleArchives.price("rt-mart", "1.0"));
        assertThatThrownBy(() -> clients.hema("a"))
                .isInstanceOf(ServiceNotFoundException.class)
                .hasMessageContaining("io.nbf.tck.spi.PriceService")
                .hasMessageContaining("ID hema-fresh")
                .satisfies(e -> {
                    assertThat(((ServiceNotFoundException) e).spi()).isEqualTo("io.nbf.tck.spi.PriceService");
                    assertThat(((ServiceNotFoundException) e).route()).isEqualTo("ID hema-fresh");
                });
    }
}
