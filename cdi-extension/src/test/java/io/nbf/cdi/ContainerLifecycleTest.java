package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nbf.cdi.beans.FieldClient;
import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testing.CdiBundles;
import io.nbf.modules.testing.TestBundles;
import io.nbf.modules.testspi.Recorder;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** nbf starts with the CDI container (deploying the bundle directory) and stops with it, leaving no thread. */
class ContainerLifecycleTest extends CdiTestSupport {

    @Test
    void bundlesDeployAtStartFollowTheDirectoryAndStopAtShutdown() throws Exception {
        drop(TestBundles.recordingGreeter("shop-b", "1.0", "v1"), "shop.jar");
        start(FieldClient.class, ManagementClient.class);
        assertThat(Recorder.events()).containsExactly("start shop-b 1.0 bundle-tccl");
        assertThat(bean(FieldClient.class).viaShopB("x")).isEqualTo("v1 x");

        drop(CdiBundles.greeter("shop-b", "2.0", "v2"), "shop.jar"); // hot deploy: changed file, new version
        await().atMost(Duration.ofSeconds(10)).until(() -> bean(FieldClient.class).viaShopB("x").equals("v2 x"));

        container.shutdown();
        assertThat(Recorder.events()).as("the retained v1 was stopped on shutdown").contains("stop shop-b 1.0 bundle-tccl");
        assertThat(nbfThreads()).isEmpty();
    }

    private static String[] nbfThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(n -> n.startsWith("nbf"))
                .toArray(String[]::new);
    }

    @Test
    void theDefaultBundleDirectoryIsDocumented() {
        assertThat(io.nbf.config.ConfigKeys.DEFAULT_BUNDLES_DIR).isEqualTo("bundles");
        assertThat(Arrays.asList(nbfThreads())).isEmpty();
    }
}
