package io.nbf.tck.bundles;

import io.nbf.tck.spi.PriceService;
import io.nbf.tck.spi.Signals;

/** Answers {@code <id>:<version>:<sku>}, or fails or lags as the host's {@link Signals} say. */
public class SignalledPriceService implements PriceService {

    @Override
    public String quote(String sku) {
        switch (Signals.modeOf(Identity.id())) {
            case "throw":
                throw new IllegalStateException(Identity.id() + " failed");
            case "slow":
                try {
                    Thread.sleep(Signals.delayMillis(Identity.id()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Identity.id() + ":" + Identity.version() + ":" + sku;
            default:
                return Identity.id() + ":" + Identity.version() + ":" + sku;
        }
    }
}
