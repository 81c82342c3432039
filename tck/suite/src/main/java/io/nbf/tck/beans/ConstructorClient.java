package io.nbf.tck.beans;

import io.nbf.api.DynamicInject;
import io.nbf.tck.spi.PriceService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** @DynamicInject on a constructor parameter. */
@Dependent
public class ConstructorClient {

    private final PriceService rtMart;

    @Inject
    public ConstructorClient(@DynamicInject(pattern = "rt-mart") PriceService rtMart) {
        this.rtMart = rtMart;
    }

    public String quote(String sku) {
        return rtMart.quote(sku);
    }
}
