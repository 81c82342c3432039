package io.nbf.api;

/**
 * A bundle could not do what was asked: a lifecycle hook threw or ran past its timeout, or a
 * management operation found the bundle in a state that does not allow it. The message names the
 * bundle and version.
 */
public class BundleFailureException extends NbfException {

    /** Serialization version. */
    private static final long serialVersionUID = 1L;

    /** The id of the bundle at fault. */
    private final String bundleId;
    /** The version at fault, or {@code null}. */
    private final String version;

    /**
     * @param bundleId the id of the bundle at fault
     * @param version the version at fault, or {@code null} when the failure concerns no single version
     * @param message the whole message, naming the bundle and version
     */
    public BundleFailureException(String bundleId, String version, String message) {
        super(message);
        this.bundleId = bundleId;
        this.version = version;
    }

    /**
     * @param bundleId the id of the bundle at fault
     * @param version the version at fault, or {@code null} when the failure concerns no single version
     * @param message the whole message, naming the bundle and version
     * @param cause what the bundle threw
     */
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
