package com.acme.supply;

/**
 * Reads one merchant's supply-chain configuration: delivery radius, cut-off times, cold-chain rules.
 * Each merchant ships its implementation as an nbf bundle; the host never sees those classes, only this
 * interface, and nbf chooses the bundle on every call.
 *
 * <p>The package is exported to bundles automatically, because the host injects this SPI with
 * {@code @DynamicInject}.
 */
public interface ConfigReadService {

    /**
     * Looks up a configuration value.
     *
     * <p>In this sample every implementation starts its answer with the bundle id and version that
     * served it ({@code "hema-fresh 1.0.0 | delivery.radius.km = 3"}), so the host can show which bundle
     * answered each call; see {@link com.acme.supply.support.BundleLabel}.
     *
     * @param key the configuration key, e.g. {@code delivery.radius.km}
     * @return the labelled value; never {@code null} ({@code n/a} for an unknown key)
     */
    String queryConfig(String key);
}
