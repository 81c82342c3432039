package io.nbf.modules.hidden;

/** A host class in a package that is never exported: bundles must not see it. */
public final class HostSecret {
    public static final String VALUE = "host secret";
}
