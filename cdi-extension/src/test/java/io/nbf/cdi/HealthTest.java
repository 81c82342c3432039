package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testing.CdiBundles;
import io.nbf.modules.testing.BundleJar;
import io.nbf.runtime.BundleHealth;
import io.nbf.tck.config.TckConfigSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What nbf's startup and readiness checks report (nbf-health turns these into MicroProfile Health responses;
 * the TCK's HealthTck reads them from each host's health endpoint).
 */
class HealthTest extends GuardTestSupport {

    @BeforeEach
    void bundles() {
        drop(CdiBundles.controlled("hema", "1.0", null), "hema.jar");
        drop(BundleJar.bundle("broken", "1.0")
                .source("br.A", "package br; public class A implements io.nbf.api.BundleActivator {\n"
                        + " public void start(io.nbf.api.BundleContext c) { throw new IllegalStateException(\"no stock file\"); } }")
                .activator("br.A"), "broken.jar");
    }

    private BundleHealth.Report readiness() {
        return nbf().runtime().readinessHealth();
    }

    @Test
    void upWhenNoBundleIsRequiredListingEveryBundle() {
        startGuarded(true, ManagementClient.class);
        BundleHealth.Report ready = readiness();
        assertThat(ready.up()).isTrue();
        assertThat(ready.data()).containsEntry("hema:1.0", "ACTIVE, live").containsEntry("broken:1.0", "FAILED")
                .containsEntry("unreclaimed", "none").doesNotContainKey("problem");
        assertThat(nbf().runtime().startupHealth().up()).as("the bundle directory is deployed").isTrue();
    }

    @Test
    void downWhileARequiredBundleIsFailedOrMissingAndUpWhenItIsLive() {
        TckConfigSource.set("nbf.health.required-bundles", "hema, broken");
        startGuarded(true, ManagementClient.class);
        BundleHealth.Report ready = readiness();
        assertThat(ready.up()).isFalse();
        assertThat(ready.data()).containsEntry("required", "broken,hema");
        assertThat(ready.data().get("problem")).contains("required bundle broken 1.0 is FAILED").contains("no stock file")
                .doesNotContain("hema");

        TckConfigSource.set("nbf.health.required-bundles", "hema, rt-mart");
        bean(ManagementClient.class).routes.refresh();
        assertThat(readiness().up()).isFalse();
        assertThat(readiness().data().get("problem")).contains("required bundle rt-mart is not installed");

        TckConfigSource.set("nbf.health.required-bundles", "hema");
        bean(ManagementClient.class).routes.refresh();
        assertThat(readiness().up()).isTrue();
        bean(ManagementClient.class).bundles.stop("hema", "1.0");
        assertThat(readiness().up()).as("stopped: not live").isFalse();
        assertThat(readiness().data().get("problem")).contains("required bundle hema has no live version");
    }

    @Test
    void beforeTheFirstDeploymentStartupAndReadinessAreDown() {
        TckConfigSource.set("nbf.exports", TEST_SPI_EXPORTS);
        io.nbf.runtime.NbfRuntime runtime = new io.nbf.runtime.NbfRuntime(io.nbf.config.NbfSettings.read(
                org.eclipse.microprofile.config.ConfigProvider.getConfig()), org.eclipse.microprofile.config.ConfigProvider::getConfig,
                getClass().getClassLoader(), java.util.List.of(), io.nbf.modules.InstanceInjector.NONE);
        try {
            assertThat(runtime.startupHealth().up()).isFalse();
            assertThat(runtime.readinessHealth().up()).isFalse();
            assertThat(runtime.startupHealth().data().get("problem")).contains("not been deployed yet");
        } finally {
            runtime.close();
        }
    }
}
