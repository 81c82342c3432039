package com.acme.quote;

import java.math.BigDecimal;

/**
 * A price quote, as a bundle answers it and the REST service returns it (as JSON).
 *
 * @param supplier the bundle id that answered, e.g. {@code hema-fresh}
 * @param version the bundle version that answered, e.g. {@code 1.0.0}
 * @param sku the product
 * @param quantity how many units
 * @param unitPrice the price of one unit
 * @param total {@code unitPrice} times {@code quantity}
 * @param currency an ISO 4217 code
 */
public record Quote(String supplier, String version, String sku, int quantity, BigDecimal unitPrice, BigDecimal total,
        String currency) {

    /** A quote whose total is {@code unitPrice * quantity}. */
    public static Quote of(String supplier, String version, String sku, int quantity, BigDecimal unitPrice, String currency) {
        return new Quote(supplier, version, sku, quantity, unitPrice, unitPrice.multiply(BigDecimal.valueOf(quantity)), currency);
    }
}
