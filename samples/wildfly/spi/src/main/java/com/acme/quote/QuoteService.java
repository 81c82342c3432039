package com.acme.quote;

/**
 * A supplier's price quote for a product. Each supplier ships its implementation as an nbf bundle; the
 * web application sees only this interface, and nbf chooses the bundle on every call.
 *
 * <p>This package is exported to bundles by nbf on its own, because the application injects this SPI with
 * {@code @DynamicInject}.
 */
public interface QuoteService {

    /**
     * @param sku the product, e.g. {@code apple}
     * @param quantity how many units, 1 or more
     * @return the quote; never {@code null}
     * @throws IllegalArgumentException if the supplier does not sell {@code sku}
     */
    Quote quote(String sku, int quantity);
}
