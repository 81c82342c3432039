package com.rtmart.quote;

import com.acme.quote.Quote;
import com.acme.quote.QuoteService;
import java.math.BigDecimal;

/** RT-Mart's prices: it sells everything, at a flat price; hema-fresh's degradation bundle. */
public class RtMartQuoteService implements QuoteService {

    private static final BigDecimal FLAT = new BigDecimal("0.99");

    private final String[] label = Descriptor.label(getClass());

    @Override
    public Quote quote(String sku, int quantity) {
        return Quote.of(label[0], label[1], sku, quantity, FLAT, "CNY");
    }
}
