package io.nbf.tck.support;

import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleManager;
import io.nbf.api.management.RouteManager;
import io.nbf.tck.config.TckConfigSource;
import io.nbf.tck.porting.BundleDeployer;
import io.nbf.tck.porting.LocalBundleDeployer;
import io.nbf.tck.spi.Signals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What every TCK test does: start clean, deploy bundles, change settings. */
public final class Tck {

    private Tck() {
    }

    /** Uninstalls every bundle, empties the bundle directory, resets signals and settings. */
    public static void reset(BundleManager bundles, RouteManager routes) {
        try (Stream<Path> files = Files.list(TckConfigSource.BUNDLES)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (BundleInfo b : bundles.bundles()) {
            bundles.uninstall(b.id(), b.version());
        }
        Signals.reset();
        TckConfigSource.reset();
        routes.refresh();
    }

    /** @return the runner's porting SPI */
    public static BundleDeployer deployer() {
        return LocalBundleDeployer.current();
    }

    /** Installs, starts and switches to a bundle, through the management API. */
    public static BundleInfo deploy(BundleManager bundles, BundleArchives bundle) {
        return bundles.deploy(deployer().store(bundle.archive()));
    }

    /** Sets a key, or removes it with {@code null}, and applies the configuration at once. */
    public static void set(RouteManager routes, String key, String value) {
        TckConfigSource.set(key, value);
        routes.refresh();
    }

    /** Guard key of the TCK SPI. */
    public static String spiKey(String key) {
        return "nbf.guard.\"io.nbf.tck.spi.PriceService\"." + key;
    }

    /** Guard key of a bundle. */
    public static String bundleKey(String bundle, String key) {
        return "nbf.bundle.\"" + bundle + "\"." + key;
    }
}
