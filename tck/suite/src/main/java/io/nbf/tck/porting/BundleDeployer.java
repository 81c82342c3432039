package io.nbf.tck.porting;

import java.nio.file.Path;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * The TCK's porting SPI: how a bundle archive built by a test becomes a file the container under test
 * can install. The default, {@link LocalBundleDeployer}, writes it to a local temporary directory,
 * which serves any container on the test's machine (Weld, a managed WildFly, Quarkus). A runner for a
 * remote container provides its own through {@code META-INF/services/io.nbf.tck.porting.BundleDeployer}.
 */
public interface BundleDeployer {

    /**
     * Stores a bundle archive.
     *
     * @param bundle the archive, with its descriptor and classes
     * @return the file, readable by the container under test
     */
    Path store(JavaArchive bundle);

    /**
     * Stores a bundle archive in the container's hot deploy directory.
     *
     * @param bundle the archive
     * @param directory the container's {@code nbf.bundles.dir}
     * @param fileName the file name to use
     * @return the file
     */
    Path storeIn(JavaArchive bundle, Path directory, String fileName);
}
