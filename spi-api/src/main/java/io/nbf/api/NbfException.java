package io.nbf.api;

/**
 * The root of nbf's own exceptions. Which exceptions a caller can meet, nbf's and others, is stated in
 * the {@linkplain io.nbf.api package documentation}.
 */
public class NbfException extends RuntimeException {

    /** Serialization version. */
    private static final long serialVersionUID = 1L;

    /** @param message the whole message */
    public NbfException(String message) {
        super(message);
    }

    /**
     * @param message the whole message
     * @param cause what caused it
     */
    public NbfException(String message, Throwable cause) {
        super(message, cause);
    }
}
