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
}
