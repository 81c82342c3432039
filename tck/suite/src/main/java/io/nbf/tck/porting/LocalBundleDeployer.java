package io.nbf.tck.porting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ServiceLoader;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** Writes bundle archives to a local temporary directory; the default {@link BundleDeployer}. */
public final class LocalBundleDeployer implements BundleDeployer {

    private static final Path DIRECTORY = create();

    /** @return the runner's deployer, or this one */
    public static BundleDeployer current() {
        for (BundleDeployer d : ServiceLoader.load(BundleDeployer.class, LocalBundleDeployer.class.getClassLoader())) {
            return d;
        }
        return new LocalBundleDeployer();
    }

    private static Path create() {
        try {
            return Files.createTempDirectory("nbf-tck-files-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Path store(JavaArchive bundle) {
        return storeIn(bundle, DIRECTORY, bundle.getName());
    }

    @Override
    public Path storeIn(JavaArchive bundle, Path directory, String fileName) {
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, ".part-", ".tmp");
            bundle.as(ZipExporter.class).exportTo(tmp.toFile(), true);
            return Files.move(tmp, directory.resolve(fileName), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store bundle " + fileName + " in " + directory, e);
        }
    }
}
