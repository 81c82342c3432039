package io.nbf.tck.spi;

/** The TCK's business SPI. Its bundles answer {@code <bundle id>:<version>:<sku>}. */
public interface PriceService {
    String quote(String sku);
}
