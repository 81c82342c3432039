package com.hema.quote;

import com.acme.quote.Quote;
import com.acme.quote.QuoteService;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Hema Fresh's prices: fresh produce only. A product it does not sell throws, and nbf sends the call to its
 * degradation bundle, rt-mart (see META-INF/nbf-bundle.properties).
 */
public class HemaQuoteService implements QuoteService {

    private static final Map<String, BigDecimal> PRICES = Map.of(
            "apple", new BigDecimal("0.45"),
            "banana", new BigDecimal("0.30"),
            "salmon", new BigDecimal("12.90"));

    private final String[] label = Descriptor.label(getClass());

    @Override
    public Quote quote(String sku, int quantity) {
        BigDecimal price = PRICES.get(sku);
        if (price == null) {
            throw new IllegalArgumentException("hema-fresh does not sell " + sku);
        }
        return Quote.of(label[0], label[1], sku, quantity, price, "CNY");
    }
}
