package io.nbf.api;

/** The root of every exception nbf raises. */
public class NbfException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NbfException(String message) {
        super(message);
    }

    public NbfException(String message, Throwable cause) {
        super(message, cause);
    }
}
