package io.nbf.api.management;

import java.util.Objects;
import java.util.Optional;

/**
 * A change in the life of a bundle version, delivered to {@link BundleListener}s (and fired as a CDI
 * event in a CDI host) after the change took effect. Immutable.
 */
public final class BundleEvent {

    /** What happened. */
    public enum Type {
        /** The version was installed. */
        INSTALLED,
        /** The version became {@link BundleState#ACTIVE}. */
        STARTED,
        /** The version became live: it serves the calls of its id. {@link #previous()} is the version it replaced. */
        SWITCHED,
        /** The version was stopped. */
        STOPPED,
        /** A hook of the version threw or timed out. */
        FAILED,
        /** The version was uninstalled. */
        UNINSTALLED
    }

    /** What happened. */
    private final Type type;
    /** The version it happened to. */
    private final BundleInfo bundle;
    /** For a switch, the version live before, or {@code null}. */
    private final BundleInfo previous;

    /**
     * @param type what happened, not {@code null}
     * @param bundle the version it happened to, not {@code null}
     * @param previous for {@link Type#SWITCHED}, the version that was live before, or {@code null}
     */
    public BundleEvent(Type type, BundleInfo bundle, BundleInfo previous) {
        this.type = Objects.requireNonNull(type, "type");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.previous = previous;
    }

    /** @return what happened, never {@code null} */
    public Type type() {
        return type;
    }

    /** @return the version it happened to, as it was right after the change, never {@code null} */
    public BundleInfo bundle() {
        return bundle;
    }

    /** @return for {@link Type#SWITCHED}, the version that was live before, if there was one */
    public Optional<BundleInfo> previous() {
        return Optional.ofNullable(previous);
    }

    @Override
    public String toString() {
        return type + " " + bundle.id() + " " + bundle.version()
                + (previous == null ? "" : " (was " + previous.version() + ")");
    }
}
