package io.nbf.api;

import java.util.Map;

/**
 * Chooses the bundle per call: inject {@code @DynamicInject DynamicInvoker<Spi>} or obtain one
 * from {@link BundleBroker#invoker(Class)}.
 *
 * <p>Both methods return a proxy of the SPI, never the bundle's own object: the proxy keeps
 * routing every call against the live bundles (so a version switch counts from the next call), sets
 * the bundle's class loader as the thread context class loader during the call, and applies the
 * configured guard. Proxies are cached, so calling {@code getService} per request is cheap.
 *
 * @param <T> the SPI type
 */
public interface DynamicInvoker<T> {

    /**
     * Returns the SPI as served by the bundle with this id.
     *
     * <p>The bundle need not be installed yet: a call made while no live bundle has this id raises
     * {@link ServiceNotFoundException} (or degrades, when a degradation is configured).
     *
     * @param bundleId the bundle id, not {@code null} or blank
     * @return a routing proxy, never {@code null}
     * @throws IllegalArgumentException if {@code bundleId} is {@code null} or blank
     */
    T getService(String bundleId);

    /**
     * Returns the SPI as served by the bundle whose attributes match {@code params}: each key must
     * equal the bundle's attribute, with the value typing of {@link RouteType#RULE} (a
     * {@link CharSequence} is a string, a {@link Number} a number, a {@link Boolean} a boolean, any
     * other value its {@code toString()}). With several matches the lowest bundle id wins.
     *
     * @param params the attributes to match, not {@code null} or empty
     * @return a routing proxy, never {@code null}
     * @throws IllegalArgumentException if {@code params} is {@code null} or empty, or holds a
     *         {@code null} key or value
     */
    T getService(Map<String, ?> params);
}
