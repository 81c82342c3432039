package io.nbf.api.management;

import io.nbf.api.NbfException;
import java.nio.file.Path;

/**
 * A bundle file was rejected at install: it is unreadable, its descriptor is wrong, a class it names
 * is missing or does not fit, or its id and version are already installed. The message names the
 * file and the problem. Nothing that was running changed.
 */
public class InvalidBundleException extends NbfException {

    /** Serialization version. */
    private static final long serialVersionUID = 1L;

    /** The rejected file (not serialized: a {@link Path} is not serializable). */
    private final transient Path source;

    /**
     * @param source the rejected file
     * @param message the problem; the message is the file, then the problem
     */
    public InvalidBundleException(Path source, String message) {
        super(source + ": " + message);
        this.source = source;
    }

    /**
     * @param source the rejected file
     * @param message the problem; the message is the file, then the problem
     * @param cause what made it fail
     */
    public InvalidBundleException(Path source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
    }

    /** @return the rejected file */
    public Path source() {
        return source;
    }
}
