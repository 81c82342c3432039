package com.acme.supply;

/**
 * A host service bundles may use: which region this instance of the service runs in. The host provides
 * it as a CDI bean; a bundle gets it with {@code @Inject}, because nbf injects host beans into bundle
 * objects. It lives in the SPI package, which nbf exports to bundles, so bundles can see the type.
 */
public interface Region {

    /** @return the region's name, e.g. {@code hangzhou} */
    String name();
}
