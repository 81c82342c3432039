package io.nbf.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbf.api.DynamicInvoker;
import io.nbf.tck.beans.ConstructorClient;
import io.nbf.tck.beans.PriceClients;
import io.nbf.tck.spi.PriceService;
import io.nbf.tck.support.BundleArchives;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** The three calling forms: @DynamicInject (with and without @Inject, on fields and constructor parameters), DynamicInvoker, BundleBroker. */
public class CallingFormsTck extends TckTest {

    @Deployment
    public static WebArchive deployment() {
        return deployment(CallingFormsTck.class);
    }

    @Inject
    PriceClients clients;

    @Inject
    ConstructorClient constructorClient;

    private void bundles() {
        deploy(BundleArchives.price("hema-fresh", "1.0").attribute("merchant", "hema").attribute("wareHouseId", "2001"));
        deploy(BundleArchives.price("rt-mart", "1.0").attribute("merchant", "rt-mart"));
    }

    @Test
    void dynamicInjectOnFieldsWithAndWithoutInject() {
        clean();
        bundles();
        assertThat(clients.byDefault("a")).as("default route: the lowest bundle id").isEqualTo("hema-fresh:1.0:a");
        assertThat(clients.hema("a")).isEqualTo("hema-fresh:1.0:a");
    }

    @Test
    void dynamicInjectOnAConstructorParameter() {
        clean();
        bundles();
        assertThat(constructorClient.quote("a")).isEqualTo("rt-mart:1.0:a");
    }

    @Test
    void dynamicInvokerChoosesPerCall() {
        clean();
        bundles();
        assertThat(clients.via("rt-mart", "a")).isEqualTo("rt-mart:1.0:a");
        assertThat(clients.via("hema-fresh", "a")).isEqualTo("hema-fresh:1.0:a");
        assertThat(clients.where(Map.of("merchant", "rt-mart"), "a")).isEqualTo("rt-mart:1.0:a");
    }

    @Test
    void bundleBroker() {
        clean();
        bundles();
        assertThat(broker.get(PriceService.class).quote("a")).isEqualTo("hema-fresh:1.0:a");
        DynamicInvoker<PriceService> invoker = broker.invoker(PriceService.class);
        assertThat(invoker.getService("rt-mart").quote("a")).isEqualTo("rt-mart:1.0:a");
    }
}
