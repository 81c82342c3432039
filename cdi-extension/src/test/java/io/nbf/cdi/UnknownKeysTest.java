package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testing.CdiBundles;
import io.nbf.cdi.testing.NbfWeld;
import io.nbf.tck.config.TckConfigSource;
import io.nbf.tck.spi.Signals;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.junit.jupiter.api.Test;

/** A misspelt key under nbf. fails the deployment at start and is rejected at runtime, naming the nearest key. */
class UnknownKeysTest extends GuardTestSupport {

    private static final String TYPO = "nbf.bundle.\"hema\".timout is not an nbf key; did you mean nbf.bundle.\"hema\".timeout?";

    @Test
    void aMisspeltKeyFailsTheDeployment() {
        TckConfigSource.set("nbf.bundle.\"hema\".timout", "200ms");
        assertThatThrownBy(() -> start(ManagementClient.class)).isInstanceOf(DeploymentException.class)
                .hasMessageContaining("NBF2501: nbf configuration: " + TYPO);
    }

    @Test
    void aMisspeltKeyFailsTheDeploymentWithTheBuildCompatibleExtension() {
        TckConfigSource.set("nbf.guard.com.acme.Spi.breaker.windw", "5");
        assertThatThrownBy(() -> container = NbfWeld.weldWithBuildCompatibleExtension(bundles, ManagementClient.class).initialize())
                .hasMessageContaining("nbf.guard.com.acme.Spi.breaker.windw is not an nbf key; did you mean nbf.guard.com.acme.Spi.breaker.window?");
    }

    @Test
    void otherKeysOutsideNbfArePassedOver() {
        System.setProperty("nbfx.unrelated", "1");
        TckConfigSource.set("quarkus.nbf.whatever", "x");
        try {
            start(ManagementClient.class);
            assertThat(bean(ManagementClient.class).bundles.bundles()).isEmpty();
        } finally {
            System.clearProperty("nbfx.unrelated");
        }
    }

    @Test
    void aMisspeltKeyAtRuntimeIsRejectedAndTheLastGoodSettingsServe() {
        drop(CdiBundles.controlled("hema", "1.0", null), "hema.jar");
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        bundleKey("hema", "degradation", "rt-mart");
        startGuarded(false, ManagementClient.class);
        Signals.mode("hema", "throw");
        assertThat(greetVia("hema")).isEqualTo("rt-mart x");

        TckConfigSource.set("nbf.bundle.\"hema\".timout", "200ms");
        bundleKey("hema", "degradation", null);
        assertThatThrownBy(() -> bean(ManagementClient.class).routes.refresh()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(ConfigRoutesTest.REJECTED + TYPO);
        assertThat(greetVia("hema")).as("the last good settings").isEqualTo("rt-mart x");

        TckConfigSource.set("nbf.bundle.\"hema\".timout", null);
        bean(ManagementClient.class).routes.refresh();
        assertThatThrownBy(() -> greetVia("hema")).as("the fixed configuration applies").hasMessage("hema failed");
    }
}
