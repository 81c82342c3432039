package io.nbf.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.tck.spi.Probe;
import io.nbf.tck.support.BundleArchives;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** A bundle sees its own classes, the JDK and the exported host packages; nothing else. */
public class IsolationTck extends TckTest {

    @Deployment
    public static WebArchive deployment() {
        return deployment(IsolationTck.class);
    }

    private void bundles() {
        deploy(BundleArchives.probe("probe-a"));
        deploy(BundleArchives.probe("probe-b"));
    }

    private String ask(String bundle, String question) {
        return broker.invoker(Probe.class).getService(bundle).probe(question);
    }

    @Test
    void aBundleSeesItsOwnClassesTheJdkTheApiAndExportedPackages() {
        clean();
        bundles();
        assertThat(ask("probe-a", "load io.nbf.tck.bundles.SandboxProbe")).isEqualTo("own");
        assertThat(ask("probe-a", "load java.util.concurrent.ConcurrentHashMap")).isEqualTo("visible");
        assertThat(ask("probe-a", "load io.nbf.api.BundleActivator")).isEqualTo("visible");
        assertThat(ask("probe-a", "load io.nbf.tck.spi.Signals")).isEqualTo("visible");
    }

    @Test
    void aBundleSeesNoOtherHostClass() {
        clean();
        bundles();
        assertThat(ask("probe-a", "load io.nbf.tck.support.Tck")).isEqualTo("hidden");
        assertThat(ask("probe-a", "load io.nbf.tck.IsolationTck")).isEqualTo("hidden");
        assertThat(ask("probe-a", "load org.junit.jupiter.api.Test")).isEqualTo("hidden");
    }

    @Test
    void bundlesDoNotShareClassesAndTheHostSeesNone() {
        clean();
        bundles();
        assertThat(ask("probe-a", "load io.nbf.tck.bundles.Identity")).isEqualTo("own");
        assertThat(ask("probe-b", "load io.nbf.tck.bundles.Identity")).isEqualTo("own");
        assertThatThrownBy(() -> Class.forName("io.nbf.tck.bundles.SandboxProbe", false, getClass().getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void aCallRunsWithTheBundlesContextClassLoader() {
        clean();
        bundles();
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        assertThat(ask("probe-a", "tccl")).isEqualTo("bundle");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }
}
