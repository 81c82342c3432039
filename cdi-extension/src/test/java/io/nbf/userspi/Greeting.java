package io.nbf.userspi;

/** A signature type of {@link Greeter}, in the application's {@code io.nbf.userspi} package too. */
public final class Greeting {

    private final String text;

    public Greeting(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
