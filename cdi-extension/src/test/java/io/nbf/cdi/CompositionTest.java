package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testhost.FixedClock;
import io.nbf.cdi.testing.CdiBundles;
import io.nbf.modules.testspi.Greeter;
import org.junit.jupiter.api.Test;

/** Bundle to container (a host bean injected into a bundle) and bundle to bundle (@DynamicInject inside a bundle). */
class CompositionTest extends CdiTestSupport {

    @Test
    void aBundleGetsAHostBeanAndCallsAnotherBundle() {
        drop(CdiBundles.echoProbe("probe-1"), "probe.jar");
        drop(CdiBundles.composingGreeter("composer", "probe-1"), "composer.jar");
        startExportingTestSpis(ManagementClient.class, FixedClock.class);
        assertThat(bean(ManagementClient.class).broker.get(Greeter.class).greet("Ann"))
                .isEqualTo("Ann at 12:00, probe-1 probed Ann");
    }

    @Test
    void aBundleWhoseHostBeanIsMissingFailsToStartNamingTheField() {
        drop(CdiBundles.echoProbe("probe-1"), "probe.jar");
        drop(CdiBundles.composingGreeter("composer", "probe-1"), "composer.jar");
        startExportingTestSpis(ManagementClient.class); // no Clock bean
        var info = bean(ManagementClient.class).bundles.bundle("composer", "1.0").orElseThrow();
        assertThat(info.state()).isEqualTo(io.nbf.api.management.BundleState.FAILED);
        assertThat(info.failure()).get().extracting(Throwable::getMessage).asString()
                .contains("field comp.G.clock of type io.nbf.cdi.testhost.Clock has no host bean to inject");
    }
}
