package io.nbf.api;

/**
 * A bundle could not do what was asked: a lifecycle hook threw or ran past its timeout, or a
 * management operation found the bundle in a state that does not allow it. The message names the
 * bundle and version.
 */
public class BundleFailureException extends NbfException {

    private static final long serialVersionUID = 1L;

    private final String bundleId;
    private final String version;

    public BundleFailureException(String bundleId, String version, String message) {
        super(message);
        this.bundleId = bundleId;
        this.version = version;
    }

    public BundleFailureException(String bundleId, String version, String message, Throwable cause) {
        super(message, cause);
        this.bundleId = bundleId;
        this.version = version;
    }

    /** @return the id of the bundle at fault */
    public String bundleId() {
        return bundleId;
    }

    /** @return the version at fault, or {@code null} when the failure concerns no single version */
    public String version() {
        return version;
    }
}
