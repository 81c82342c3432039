package io.nbf.modules;

import static io.nbf.modules.messages.RuntimeLogger.LOG;
import static io.nbf.modules.messages.RuntimeMessages.MSG;

import io.nbf.api.management.InvalidBundleException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The engine's work directory: every bundle file is staged there as a private copy (the user may
 * overwrite or delete the file while the module reads it), copies no longer needed are deleted, and a
 * directory the engine created itself is deleted on {@link #close()}. Thread-safe.
 */
final class WorkDirectory {

    /**
     * A bundle file staged and scanned, not installed yet: what install and deploy start from.
     *
     * @param source the file as the user named it, absolute and normalized
     * @param copy the private copy the module will read
     * @param scan what the JAR declares
     */
    record Staged(Path source, Path copy, JarScan scan) {

        Staged {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(copy, "copy");
            Objects.requireNonNull(scan, "scan");
        }

        String bundleId() {
            return scan.descriptor().id();
        }
    }

    private final Path directory;
    private final boolean owned;
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param configured the directory to use (created if missing), or empty for a new temporary one
     * @throws UncheckedIOException (NBF1555) if the directory cannot be created
     */
    WorkDirectory(Optional<Path> configured) {
        try {
            if (configured.isPresent()) {
                this.directory = Files.createDirectories(configured.get());
                this.owned = false;
            } else {
                this.directory = Files.createTempDirectory("nbf-bundles-");
                this.owned = true;
            }
        } catch (IOException e) {
            throw MSG.workDirectoryNotCreated(e.getMessage(), e);
        }
    }

    /**
     * Copies a bundle file here and reads what it declares; the copy is deleted again if that fails.
     *
     * @param jar the bundle file
     * @return the staged file
     * @throws InvalidBundleException if the file does not exist (NBF1500), is not a regular file (NBF1501),
     *         cannot be copied (NBF1502), is not a JAR (NBF1503) or declares something wrong (NBF1504, NBF1510–1512)
     * @throws NullPointerException if {@code jar} is {@code null}
     */
    Staged stage(Path jar) {
        Path source = jar.toAbsolutePath().normalize();
        Path copy = copy(source);
        try {
            return new Staged(source, copy, JarScan.read(source, copy));
        } catch (Throwable e) {
            delete(copy);
            throw contained(source, e);
        }
    }

    /**
     * What a {@link Throwable} thrown while installing becomes, once the staged copy is deleted: a
     * {@link RuntimeException} as it is, a {@link VirtualMachineError} (out of memory, stack overflow) rethrown,
     * any other {@link Error} an {@link InvalidBundleException} (NBF1509) with it as the cause.
     */
    static RuntimeException contained(Path source, Throwable e) {
        if (e instanceof VirtualMachineError vm) {
            throw vm;
        }
        if (e instanceof RuntimeException r) {
            return r;
        }
        return MSG.installFailed(source, e, e);
    }

    private Path copy(Path source) {
        if (!Files.isRegularFile(source)) {
            throw Files.exists(source) ? MSG.notARegularFile(source) : MSG.fileMissing(source);
        }
        Path copy = directory.resolve("bundle-" + sequence.incrementAndGet() + ".jar");
        try {
            Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            delete(copy);
            throw MSG.fileUnreadable(source, e, e);
        } catch (Throwable e) {
            delete(copy);
            throw contained(source, e);
        }
        return copy;
    }

    /** Deletes a file if it exists; a failure is logged at debug level (NBF1011), not thrown. */
    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.cannotDelete(file, e);
        }
    }

    /** Deletes the directory and what it holds, if the engine created it. Never throws. */
    void close() {
        if (!owned) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(this::delete);
        } catch (IOException e) {
            LOG.cannotList(directory, e);
        }
        delete(directory);
    }
}
