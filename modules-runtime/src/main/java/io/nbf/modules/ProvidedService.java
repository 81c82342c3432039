package io.nbf.modules;

/** One SPI a bundle implements, and the class that implements it; both checked at install. */
final class ProvidedService {

    final Class<?> spi;
    final Class<?> implementation;

    ProvidedService(Class<?> spi, Class<?> implementation) {
        this.spi = spi;
        this.implementation = implementation;
    }
}
