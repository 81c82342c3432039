package io.nbf.tck.bundles;

import io.nbf.api.DynamicInject;
import io.nbf.tck.spi.Clock;
import io.nbf.tck.spi.PriceService;
import jakarta.inject.Inject;

/** Uses a host bean and another bundle: {@code <id>@<clock>+<rt-mart's quote>}. */
public class ComposingPriceService implements PriceService {

    @Inject
    Clock clock;

    @DynamicInject(pattern = "rt-mart")
    PriceService rtMart;

    @Override
    public String quote(String sku) {
        return Identity.id() + "@" + clock.now() + "+" + rtMart.quote(sku);
    }
}
