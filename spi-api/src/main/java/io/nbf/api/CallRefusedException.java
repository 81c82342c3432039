package io.nbf.api;

/**
 * The guard of a routed call refused it or cut it off, and no degradation bundle took it: the call ran
 * past its timeout, the bundle's circuit breaker was open, or its rate limit was reached. The message
 * names the SPI, the method, the bundle version and the reason; the cause is SmallRye Fault
 * Tolerance's exception. Configure a degradation bundle to serve such calls instead.
 */
public class CallRefusedException extends NbfException {

    /** Serialization version. */
    private static final long serialVersionUID = 1L;

    /** Why the guard refused the call. */
    public enum Reason {
        /** The call ran past the configured timeout. */
        TIMEOUT,
        /** The bundle's circuit breaker was open (errors, or slow calls past the baseline). */
        BREAKER_OPEN,
        /** The bundle's rate limit was reached. */
        RATE_LIMITED
    }

    /** The SPI type name. */
    private final String spi;
    /** The bundle the call was routed to. */
    private final String bundleId;
    /** Its version. */
    private final String version;
    /** Why the guard refused the call. */
    private final Reason reason;

    /**
     * @param spi the SPI type name
     * @param bundleId the bundle the call was routed to
     * @param version its version
     * @param reason why the guard refused the call
     * @param message the whole message
     * @param cause the guard's exception
     */
    public CallRefusedException(String spi, String bundleId, String version, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.spi = spi;
        this.bundleId = bundleId;
        this.version = version;
        this.reason = reason;
    }

    /** @return the fully qualified name of the SPI that was called */
    public String spi() {
        return spi;
    }

    /** @return the id of the bundle the call was routed to */
    public String bundleId() {
        return bundleId;
    }

    /** @return the version of that bundle */
    public String version() {
        return version;
    }

    /** @return why the guard refused the call */
    public Reason reason() {
        return reason;
    }
}
