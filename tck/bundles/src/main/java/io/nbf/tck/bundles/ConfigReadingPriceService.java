package io.nbf.tck.bundles;

import io.nbf.tck.spi.PriceService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * Uses the host's MicroProfile {@link Config} bean: {@code <id>:<the value of the key sku>}. Needs the host
 * to export {@code org.eclipse.microprofile.config}.
 */
public class ConfigReadingPriceService implements PriceService {

    @Inject
    Config config;

    @Override
    public String quote(String key) {
        return Identity.id() + ":" + config.getOptionalValue(key, String.class).orElse("<unset>");
    }
}
