package io.nbf.tck;

import io.nbf.api.BundleBroker;
import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleManager;
import io.nbf.api.management.RouteManager;
import io.nbf.tck.beans.BundleEventLog;
import io.nbf.tck.beans.ConstructorClient;
import io.nbf.tck.beans.FixedClock;
import io.nbf.tck.beans.PriceClients;
import io.nbf.tck.spi.PriceService;
import io.nbf.tck.support.BundleArchives;
import io.nbf.tck.support.Tck;
import io.nbf.tck.support.TckDeployment;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every TCK test: runs in the container. Every test starts with {@link #clean()}: setup is
 * called explicitly rather than from {@code @BeforeEach}, because Arquillian's JUnit 5 adapter skips
 * lifecycle methods on local containers such as Weld embedded (arquillian-core issue 861).
 */
@ExtendWith(ArquillianExtension.class)
public abstract class TckTest {

    @Inject
    protected BundleManager bundles;

    @Inject
    protected RouteManager routes;

    @Inject
    protected BundleBroker broker;

    /** The deployment every TCK test class uses. */
    protected static WebArchive deployment(Class<?> test) {
        return TckDeployment.archive(test, TckTest.class, PriceClients.class, ConstructorClient.class, BundleEventLog.class,
                FixedClock.class);
    }

    /** No bundle, default settings, no signals. */
    protected void clean() {
        Tck.reset(bundles, routes);
    }

    protected BundleInfo deploy(BundleArchives bundle) {
        return Tck.deploy(bundles, bundle);
    }

    /** Quotes through the broker's invoker, pinned to a bundle id. */
    protected String quoteVia(String bundleId) {
        return broker.invoker(PriceService.class).getService(bundleId).quote("sku");
    }

    protected void set(String key, String value) {
        Tck.set(routes, key, value);
    }
}
