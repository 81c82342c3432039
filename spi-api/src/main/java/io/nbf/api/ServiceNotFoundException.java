package io.nbf.api;

/**
 * No live bundle serves the route of a call. Raised by routed calls (unless a degradation takes the
 * call); the message names the SPI and the route.
 */
public class ServiceNotFoundException extends NbfException {

    /** Serialization version. */
    private static final long serialVersionUID = 1L;

    /** The SPI type name. */
    private final String spi;
    /** The route, as text. */
    private final String route;

    /**
     * @param spi the SPI type name
     * @param route the route, as text (e.g. {@code ID hema-fresh})
     * @param message the whole message
     */
    public ServiceNotFoundException(String spi, String route, String message) {
        super(message);
        this.spi = spi;
        this.route = route;
    }

    /** @return the fully qualified name of the SPI that was called */
    public String spi() {
        return spi;
    }

    /** @return the route that found no bundle */
    public String route() {
        return route;
    }
}
