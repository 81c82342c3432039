package io.nbf.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbf.api.management.BundleState;
import io.nbf.tck.support.BundleArchives;
import jakarta.inject.Inject;
import java.util.Arrays;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A bundle class injects the host's MicroProfile {@code Config} ({@code @Inject Config config}) and reads a
 * key the TCK's config source sets. Needs {@code org.eclipse.microprofile.config} in {@code nbf.exports}.
 */
public class ConfigInBundleTck extends TckTest {

    private static final String CONFIG_PACKAGE = "org.eclipse.microprofile.config";
    private static final String KEY = "nbf.hook-timeout"; // set by TckConfigSource on every host


    @Deployment
    public static WebArchive deployment() {
        return deployment(ConfigInBundleTck.class);
    }

    @Test
    void aBundleReadsTheHostsConfig() {
        clean();
        // the host's Config as the application sees it (not injected: Quarkus registers no Config bean unless it
        // sees an injection point of one at build time)
        Config hostConfig = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
        String exports = hostConfig.getOptionalValue("nbf.exports", String.class).orElse("");
        assertThat(Arrays.stream(exports.split(",")).map(String::trim)
                        .anyMatch(e -> e.equals(CONFIG_PACKAGE) || e.equals(CONFIG_PACKAGE + ".*")))
                .as("nbf.exports (" + exports + ") exports " + CONFIG_PACKAGE + " (TckConfigSource.reset)").isTrue();
        String expected = hostConfig.getValue(KEY, String.class);
        deploy(BundleArchives.configReader("config-reader"));
        assertThat(bundles.bundle("config-reader", "1.0").orElseThrow().state()).isEqualTo(BundleState.ACTIVE);
        assertThat(broker.invoker(io.nbf.tck.spi.PriceService.class).getService("config-reader").quote(KEY))
                .as("the bundle's @Inject Config is the host's Config").isEqualTo("config-reader:" + expected);
    }
}
