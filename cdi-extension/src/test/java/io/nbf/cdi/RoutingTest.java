package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.api.BundleBroker;
import io.nbf.api.DynamicInvoker;
import io.nbf.api.ServiceNotFoundException;
import io.nbf.api.management.BundleManager;
import io.nbf.cdi.beans.ConstructorClient;
import io.nbf.cdi.beans.FieldClient;
import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testing.CdiBundles;
import io.nbf.modules.testspi.Greeter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Routing through CDI beyond the TCK's {@code RoutingTck} (which has the default route with one implementation)
 * and {@code IsolationTck} (which has the call running with the bundle's context class loader).
 */
class RoutingTest extends CdiTestSupport {

    private BundleBroker broker() {
        return bean(ManagementClient.class).broker;
    }

    private BundleManager manager() {
        return bean(ManagementClient.class).bundles;
    }

    @Test
    void anSpiUsedOnlyThroughTheBrokerMustBeExportedByConfiguration() {
        drop(CdiBundles.greeter("only", "1.0", "Only"), "only.jar");
        start(ManagementClient.class); // nothing injects Greeter with @DynamicInject, and nbf.exports lacks it
        assertThat(manager().bundles()).as("the bundle was rejected at install").isEmpty();
        assertThatThrownBy(() -> manager().install(bundles.resolve("only.jar")))
                .hasMessageContaining("names SPI io.nbf.modules.testspi.Greeter, which the host does not export to bundles")
                .hasMessageContaining("nbf.exports");
    }

    @Test
    void regexMustMatchTheWholeId() {
        drop(CdiBundles.greeter("drf-hz-2", "1.0", "HZ2"), "hz2.jar");
        drop(CdiBundles.greeter("drf-hz-1", "1.0", "HZ1"), "hz1.jar");
        drop(CdiBundles.greeter("x-drf-hz-0", "1.0", "prefixed"), "x.jar");
        start(ConstructorClient.class, ManagementClient.class);
        assertThat(bean(ConstructorClient.class).greet("x")).as("lowest matching id").isEqualTo("HZ1 x");
        manager().uninstall("drf-hz-1", "1.0");
        assertThat(bean(ConstructorClient.class).greet("x")).isEqualTo("HZ2 x");
        manager().uninstall("drf-hz-2", "1.0");
        assertThatThrownBy(() -> bean(ConstructorClient.class).greet("x"))
                .as("x-drf-hz-0 contains but does not wholly match drf-hz-.*")
                .isInstanceOf(ServiceNotFoundException.class)
                .hasMessageContaining("no live bundle serves io.nbf.modules.testspi.Greeter on route REG drf-hz-.*")
                .hasMessageContaining("live bundles implementing it: [x-drf-hz-0]");
    }

    @Test
    void aMissingServiceNamesTheSpiAndTheRoute() {
        start(FieldClient.class, ManagementClient.class);
        ServiceNotFoundException e = org.junit.jupiter.api.Assertions.assertThrows(ServiceNotFoundException.class,
                () -> bean(FieldClient.class).viaShopB("x"));
        assertThat(e.spi()).isEqualTo(Greeter.class.getName());
        assertThat(e.route()).isEqualTo("ID shop-b");
        assertThat(e).hasMessageContaining("no bundle implements it now");
    }

    @Test
    void everyCallIsRoutedAgainstTheLiveRegistry() {
        start(FieldClient.class, ManagementClient.class);
        FieldClient client = bean(FieldClient.class);
        assertThatThrownBy(() -> client.viaShopB("x")).isInstanceOf(ServiceNotFoundException.class);
        manager().deploy(CdiBundles.greeter("shop-b", "1.0", "B1").build());
        assertThat(client.viaShopB("x")).as("installed: counts from the next call").isEqualTo("B1 x");
        manager().deploy(CdiBundles.greeter("shop-b", "2.0", "B2").build());
        assertThat(client.viaShopB("x")).as("switched: counts from the next call").isEqualTo("B2 x");
        assertThat(client.viaDefault("x")).isEqualTo("B2 x");
    }

    @Test
    void ruleValuesAreTypedAndTiesGoToTheLowestId() {
        drop(CdiBundles.greeter("wh-b", "1.0", "B").attribute("wareHouseId", "2001").attribute("fresh", "true"), "b.jar");
        drop(CdiBundles.greeter("wh-a", "1.0", "A").attribute("wareHouseId", "2001.0"), "a.jar");
        startExportingTestSpis(ManagementClient.class);
        DynamicInvoker<Greeter> invoker = broker().invoker(Greeter.class);
        assertThat(invoker.getService(Map.of("wareHouseId", 2001)).greet("x")).isEqualTo("A x");
        assertThat(invoker.getService(Map.of("wareHouseId", "2001")).greet("x")).as("a string matches text").isEqualTo("B x");
        assertThat(invoker.getService(Map.of("fresh", true)).greet("x")).isEqualTo("B x");
        assertThatThrownBy(() -> invoker.getService(Map.of("wareHouseId", 2002)).greet("x"))
                .isInstanceOf(ServiceNotFoundException.class).hasMessageContaining("RULE {\"wareHouseId\":2002}");
        assertThatThrownBy(() -> invoker.getService(Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> invoker.getService(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBrokerRefusesWhatIsNotAnInterface() {
        start(ManagementClient.class);
        assertThatThrownBy(() -> broker().get(String.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String is not an interface");
    }

    @Test
    void theBrokerRefusesAnSpiNoBundleCanImplement() {
        start(ManagementClient.class); // nothing injects Greeter with @DynamicInject, and nbf.exports lacks it
        assertThatThrownBy(() -> broker().get(Greeter.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NBF2514").hasMessageContaining("export its package io.nbf.modules.testspi");
        assertThatThrownBy(() -> broker().invoker(Greeter.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("io.nbf.modules.testspi.Greeter is not exported to bundles");
    }

    @Test
    void proxiesAnswerObjectMethodsThemselves() {
        startExportingTestSpis(ManagementClient.class);
        Greeter g = broker().get(Greeter.class);
        assertThat(g.toString()).isEqualTo("nbf routing proxy of io.nbf.modules.testspi.Greeter on route DEFAULT");
        assertThat(g).isEqualTo(g).isSameAs(broker().get(Greeter.class));
        assertThat(g.hashCode()).isEqualTo(System.identityHashCode(g));
    }
}
