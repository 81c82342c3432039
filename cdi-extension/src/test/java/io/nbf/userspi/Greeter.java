package io.nbf.userspi;

/**
 * An application's SPI that happens to live under {@code io.nbf}: its proxy class must take it, and its
 * signature types, from the SPI's class loader, not from nbf's.
 */
public interface Greeter {

    Greeting greet(Greeting who);

    /** @return the class loader of {@link Greeting} as the bundle sees it */
    ClassLoader greetingLoader();
}
