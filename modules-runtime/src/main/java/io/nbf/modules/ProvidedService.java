package io.nbf.modules;

import java.util.Objects;

/**
 * One SPI a bundle implements, and the class that implements it; both checked at install.
 *
 * @param spi the host interface, exported to the bundle
 * @param implementation the bundle class that implements it
 */
record ProvidedService(Class<?> spi, Class<?> implementation) {

    ProvidedService {
        Objects.requireNonNull(spi, "spi");
        Objects.requireNonNull(implementation, "implementation");
    }
}
