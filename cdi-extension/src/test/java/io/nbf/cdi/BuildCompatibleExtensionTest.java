package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.cdi.beans.BadBeans;
import io.nbf.cdi.beans.ConstructorClient;
import io.nbf.cdi.beans.FieldClient;
import io.nbf.cdi.beans.InitializerClient;
import io.nbf.cdi.beans.InvokerClient;
import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testing.CdiBundles;
import io.nbf.cdi.testing.NbfWeld;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build compatible extension, run by Weld without the portable one (as Quarkus runs it): the same
 * calling forms and validation work.
 */
class BuildCompatibleExtensionTest extends CdiTestSupport {

    @Test
    void callingFormsWork() {
        drop(CdiBundles.greeter("shop-b", "1.0", "B").attribute("merchant", "hema").attribute("wareHouseId", "2001"), "b.jar");
        drop(CdiBundles.greeter("drf-hz-1", "1.0", "HZ"), "hz.jar");
        container = NbfWeld.weldWithBuildCompatibleExtension(bundles, FieldClient.class, ConstructorClient.class,
                InitializerClient.class, InvokerClient.class, ManagementClient.class).initialize();
        assertThat(container.select(NbfExtension.class).isResolvable()).as("no portable extension").isFalse();
        assertThat(bean(FieldClient.class).viaDefault("x")).isEqualTo("HZ x");
        assertThat(bean(FieldClient.class).viaShopB("x")).isEqualTo("B x");
        assertThat(bean(ConstructorClient.class).greet("x")).isEqualTo("HZ x");
        assertThat(bean(InitializerClient.class).greet("x")).isEqualTo("B x");
        assertThat(bean(InvokerClient.class).greetWhere(Map.of("merchant", "hema"), "x")).isEqualTo("B x");
        assertThat(bean(ManagementClient.class).bundles.bundles()).hasSize(2);
    }

    @Test
    void validationReportsTheMemberAndTheFix() {
        assertThatThrownBy(() -> container = NbfWeld.weldWithBuildCompatibleExtension(bundles, BadBeans.BadRegex.class).initialize())
                .hasMessageContaining("@DynamicInject on field io.nbf.cdi.beans.BadBeans$BadRegex.greeter: REG pattern 'drf-(hz' is not a regular expression");
        // DynamicInvoker<?> is reported in @Registration; Weld's translator reports its own "unsatisfied" first,
        // Quarkus reports both: the Quarkus runner covers that message.
        assertThatThrownBy(() -> container = NbfWeld.weldWithBuildCompatibleExtension(bundles, BadBeans.NotAnInterface.class).initialize())
                .hasMessageContaining("NotAnInterface.text: type java.lang.String is not an interface");
    }
}
