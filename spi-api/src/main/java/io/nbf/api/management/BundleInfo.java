package io.nbf.api.management;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the container knows of one bundle version at one moment. An immutable snapshot: it does not
 * change as the bundle moves on, and holds no reference to the bundle's classes.
 */
public interface BundleInfo {

    /** @return the bundle id, never {@code null} */
    String id();

    /** @return the version as declared, never {@code null} */
    String version();

    /** @return the state when this snapshot was taken, never {@code null} */
    BundleState state();

    /** @return whether this version served calls when the snapshot was taken */
    boolean live();

    /** @return the declared attributes, unmodifiable, never {@code null} */
    Map<String, String> attributes();

    /** @return the declared degradation bundle id, if any */
    Optional<String> degradationBundle();

    /** @return the fully qualified names of the SPIs the bundle implements, unmodifiable, never {@code null} */
    Set<String> services();

    /** @return the file the bundle was installed from, never {@code null} */
    Path source();

    /** @return why the bundle is {@link BundleState#FAILED}, or empty */
    Optional<Throwable> failure();
}
