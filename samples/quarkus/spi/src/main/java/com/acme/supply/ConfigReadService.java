package com.acme.supply;

/**
 * Reads one merchant's supply-chain configuration (delivery radius, cut-off time, cold chain). Each
 * merchant ships its implementation as an nbf bundle; the host sees only this interface, and nbf chooses
 * the bundle on every call.
 */
public interface ConfigReadService {

    /**
     * @param key a configuration key, e.g. {@code delivery.radius.km}
     * @return the value, prefixed with the bundle that served it ({@code hema-fresh 1.0.0 | 3}); {@code n/a}
     *         after the prefix for an unknown key
     */
    String queryConfig(String key);
}
