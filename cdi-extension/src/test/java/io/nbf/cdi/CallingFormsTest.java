package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbf.api.DynamicInvoker;
import io.nbf.api.management.BundleInfo;
import io.nbf.cdi.beans.BundleEventLog;
import io.nbf.cdi.beans.ConstructorClient;
import io.nbf.cdi.beans.FieldClient;
import io.nbf.cdi.beans.InitializerClient;
import io.nbf.cdi.beans.InvokerClient;
import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testing.CdiBundles;
import io.nbf.modules.testspi.Greeter;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's three calling forms, and management, through CDI: what the TCK's {@code CallingFormsTck} does
 * not cover (it has @DynamicInject on fields with and without @Inject, the default route among several).
 */
class CallingFormsTest extends CdiTestSupport {

    @BeforeEach
    void bundles() {
        drop(CdiBundles.greeter("shop-a", "1.0", "A").attribute("merchant", "rt-mart"), "a.jar");
        drop(CdiBundles.greeter("shop-b", "1.0", "B").attribute("merchant", "hema").attribute("wareHouseId", "2001"), "b.jar");
        drop(CdiBundles.greeter("drf-hz-1", "1.0", "HZ"), "hz.jar");
        start(FieldClient.class, ConstructorClient.class, InitializerClient.class, InvokerClient.class,
                ManagementClient.class, BundleEventLog.class);
    }

    @Test
    void constructorAndInitializerParameters() {
        assertThat(bean(ConstructorClient.class).greet("x")).isEqualTo("HZ x");
        assertThat(bean(InitializerClient.class).greet("x")).isEqualTo("B x");
    }

    @Test
    void dynamicInvokerByIdAndByAttributes() {
        InvokerClient client = bean(InvokerClient.class);
        assertThat(client.greetVia("shop-a", "x")).isEqualTo("A x");
        assertThat(client.greetVia("shop-b", "x")).isEqualTo("B x");
        assertThat(client.greetWhere(Map.of("merchant", "hema"), "x")).isEqualTo("B x");
        assertThat(client.greetWhere(Map.of("merchant", "rt-mart"), "x")).isEqualTo("A x");
        assertThat(client.greetWhere(Map.of("merchant", "hema", "wareHouseId", 2001), "x")).isEqualTo("B x");
    }

    @Test
    void brokerGetAndInvoker() {
        ManagementClient client = bean(ManagementClient.class);
        assertThat(client.broker.get(Greeter.class).greet("x")).isEqualTo("HZ x");
        DynamicInvoker<Greeter> invoker = client.broker.invoker(Greeter.class);
        assertThat(invoker.getService("shop-a").greet("x")).isEqualTo("A x");
        assertThat(invoker.getService("shop-a")).as("proxies are cached").isSameAs(invoker.getService("shop-a"));
    }

    @Test
    void managementAndBundleEventsThroughCdi() {
        ManagementClient client = bean(ManagementClient.class);
        assertThat(client.bundles.bundles()).extracting(BundleInfo::id).containsExactly("drf-hz-1", "shop-a", "shop-b");
        BundleEventLog log = bean(BundleEventLog.class);
        assertThat(log.events()).contains("INSTALLED shop-a 1.0", "STARTED shop-a 1.0", "SWITCHED shop-a 1.0");

        client.bundles.deploy(CdiBundles.greeter("shop-a", "2.0", "A2").build());
        assertThat(bean(InvokerClient.class).greetVia("shop-a", "x")).isEqualTo("A2 x");
        client.bundles.rollback("shop-a");
        assertThat(bean(InvokerClient.class).greetVia("shop-a", "x")).isEqualTo("A x");
        assertThat(log.events()).contains("SWITCHED shop-a 2.0 (was 1.0)", "SWITCHED shop-a 1.0 (was 2.0)");
    }
}
