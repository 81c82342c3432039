package io.nbf.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nbf.api.ServiceNotFoundException;
import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleState;
import io.nbf.tck.beans.BundleEventLog;
import io.nbf.tck.config.TckConfigSource;
import io.nbf.tck.spi.Signals;
import io.nbf.tck.support.BundleArchives;
import io.nbf.tck.support.Tck;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Install, start, stop, uninstall, version switch and rollback, hot deploy, and the CDI events they fire. */
public class LifecycleTck extends TckTest {

    @Deployment
    public static WebArchive deployment() {
        return deployment(LifecycleTck.class);
    }

    @Inject
    BundleEventLog events;

    @Test
    void installStartStopUninstall() throws Exception {
        clean();
        events.clear();
        Path file = Tck.deployer().store(BundleArchives.price("shop", "1.0").archive());
        BundleInfo installed = bundles.install(file);
        assertThat(installed.state()).isEqualTo(BundleState.INSTALLED);
        assertThatThrownBy(() -> quoteVia("shop")).isInstanceOf(ServiceNotFoundException.class);

        assertThat(bundles.start("shop", "1.0").state()).isEqualTo(BundleState.ACTIVE);
        assertThat(quoteVia("shop")).isEqualTo("shop:1.0:sku");
        assertThat(Signals.events()).containsExactly("start shop 1.0");

        assertThat(bundles.stop("shop", "1.0").state()).isEqualTo(BundleState.INSTALLED);
        assertThatThrownBy(() -> quoteVia("shop")).isInstanceOf(ServiceNotFoundException.class);
        assertThat(Signals.events()).containsExactly("start shop 1.0", "stop shop 1.0");

        assertThat(bundles.uninstall("shop", "1.0").state()).isEqualTo(BundleState.UNINSTALLED);
        assertThat(bundles.bundles()).isEmpty();
        assertThat(events.events()).containsExactly("INSTALLED shop 1.0", "STARTED shop 1.0", "SWITCHED shop 1.0",
                "STOPPED shop 1.0", "UNINSTALLED shop 1.0");
    }

    @Test
    void switchAndRollback() {
        clean();
        deploy(BundleArchives.price("shop", "1.0"));
        bundles.install(Tck.deployer().store(BundleArchives.price("shop", "2.0").archive()));
        assertThat(quoteVia("shop")).isEqualTo("shop:1.0:sku");
        assertThat(bundles.switchTo("shop", "2.0").live()).isTrue();
        assertThat(quoteVia("shop")).isEqualTo("shop:2.0:sku");
        assertThat(bundles.rollback("shop").version()).isEqualTo("1.0");
        assertThat(quoteVia("shop")).isEqualTo("shop:1.0:sku");
        assertThat(Signals.events()).contains("refresh shop 1.0");
        assertThat(bundles.liveVersion("shop")).map(BundleInfo::version).contains("1.0");
    }

    @Test
    void hotDeployFollowsTheBundleDirectory() throws Exception {
        clean();
        Path dir = TckConfigSource.BUNDLES;
        Tck.deployer().storeIn(BundleArchives.price("hot", "1.0").archive(), dir, "hot.jar");
        await().atMost(Duration.ofSeconds(20)).until(() -> bundles.liveVersion("hot").isPresent());
        assertThat(quoteVia("hot")).isEqualTo("hot:1.0:sku");

        Tck.deployer().storeIn(BundleArchives.price("hot", "2.0").archive(), dir, "hot.jar");
        await().atMost(Duration.ofSeconds(20)).until(() -> bundles.liveVersion("hot").map(BundleInfo::version).equals(Optional.of("2.0")));
        assertThat(quoteVia("hot")).isEqualTo("hot:2.0:sku");

        Files.delete(dir.resolve("hot.jar"));
        await().atMost(Duration.ofSeconds(20)).until(() -> bundles.bundles().isEmpty());
    }
}
