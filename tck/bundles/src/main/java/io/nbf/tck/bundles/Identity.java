package io.nbf.tck.bundles;

/**
 * Who this bundle is. Every bundle archive carries its own copy of this class, so each bundle has its
 * own statics, set by {@link TckActivator} when it starts.
 */
public final class Identity {

    static volatile String id = "?";
    static volatile String version = "?";

    private Identity() {
    }

    public static String id() {
        return id;
    }

    public static String version() {
        return version;
    }
}
