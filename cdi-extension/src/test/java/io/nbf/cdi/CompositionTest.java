package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testing.CdiBundles;
import org.junit.jupiter.api.Test;

/**
 * Bundle to container (a host bean injected into a bundle) when the host bean is missing. A bundle using a
 * host bean and another bundle is the TCK's ({@code CompositionTck.aBundleUsesAHostBeanAndAnotherBundle}).
 */
class CompositionTest extends CdiTestSupport {

    @Test
    void aBundleWhoseHostBeanIsMissingFailsToStartNamingTheField() {
        drop(CdiBundles.echoProbe("probe-1"), "probe.jar");
        drop(CdiBundles.composingGreeter("composer", "probe-1"), "composer.jar");
        startExportingTestSpis(ManagementClient.class); // no Clock bean
        var info = bean(ManagementClient.class).bundles.bundle("composer", "1.0").orElseThrow();
        assertThat(info.state()).isEqualTo(io.nbf.api.management.BundleState.FAILED);
        assertThat(info.failure()).get().extracting(Throwable::getMessage).asString()
                .contains("field comp.G.clock of type io.nbf.tck.spi.Clock has no host bean to inject");
    }

    @Test
    void aBundleInjectsTheHostsMicroProfileConfig() {
        io.nbf.tck.config.TckConfigSource.set("composition.greeting", "hello from the host");
        drop(io.nbf.modules.testing.BundleJar.bundle("configured", "1.0")
                .source("conf.G", "package conf;\n"
                        + "import jakarta.inject.Inject; import org.eclipse.microprofile.config.Config;\n"
                        + "public class G implements io.nbf.modules.testspi.Greeter {\n"
                        + "  @Inject Config config;\n"
                        + "  public String greet(String n) { return config.getValue(\"composition.greeting\", String.class) + \", \" + n; } }")
                .service("io.nbf.modules.testspi.Greeter", "conf.G"), "configured.jar");
        io.nbf.tck.config.TckConfigSource.set("nbf.exports", TEST_SPI_EXPORTS + ", org.eclipse.microprofile.config");
        container = io.nbf.cdi.testing.NbfWeld.weldGuarded(bundles, false, ManagementClient.class).initialize();
        var info = bean(ManagementClient.class).bundles.bundle("configured", "1.0").orElseThrow();
        assertThat(info.failure()).isEmpty();
        assertThat(info.state()).isEqualTo(io.nbf.api.management.BundleState.ACTIVE);
        assertThat(bean(ManagementClient.class).broker.invoker(io.nbf.modules.testspi.Greeter.class)
                .getService("configured").greet("x")).isEqualTo("hello from the host, x");
    }
}
