package io.nbf.api;

/**
 * Programmatic access to routed SPIs, for code that cannot use {@link DynamicInject}. Inject it
 * with {@code @Inject BundleBroker broker}.
 */
public interface BundleBroker {

    /**
     * Returns the SPI on its default route, or on the route MicroProfile Config sets for it.
     *
     * @param spi the SPI interface, not {@code null}
     * @param <T> the SPI type
     * @return a routing proxy, never {@code null}; calls raise {@link ServiceNotFoundException} while
     *         no live bundle serves the route
     * @throws IllegalArgumentException if {@code spi} is not an interface, or its package is not
     *         exported to bundles
     */
    <T> T get(Class<T> spi);

    /**
     * Returns an invoker that chooses the bundle per call.
     *
     * @param spi the SPI interface, not {@code null}
     * @param <T> the SPI type
     * @return the invoker, never {@code null}
     * @throws IllegalArgumentException if {@code spi} is not an interface, or its package is not
     *         exported to bundles
     */
    <T> DynamicInvoker<T> invoker(Class<T> spi);
}
