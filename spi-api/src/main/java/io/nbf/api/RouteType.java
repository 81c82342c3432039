package io.nbf.api;

/** How the pattern of a route selects bundles. */
public enum RouteType {
    /** The pattern is a bundle id, matched exactly. */
    ID,
    /** The pattern is a {@link java.util.regex.Pattern regular expression} that must match the whole bundle id. */
    REG,
    /**
     * The pattern is a JSON object of attributes; a bundle matches when each key equals its attribute.
     * A JSON string equals the attribute text exactly; a JSON number equals an attribute that is a
     * decimal number of the same value ({@code 2001} matches {@code "2001"} and {@code "2001.0"}); a
     * JSON boolean equals {@code "true"} or {@code "false"} in any case.
     */
    RULE
}
