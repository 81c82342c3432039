package io.nbf.api;

import java.util.Map;
import java.util.Optional;

/** The identity of a bundle version, as its descriptor declares it. Immutable. */
public interface BundleContext {

    /** @return the bundle id, never {@code null} */
    String bundleId();

    /** @return the bundle version as declared, never {@code null} */
    String version();

    /** @return the bundle's attributes (what {@link RouteType#RULE} routes match), unmodifiable, never {@code null} */
    Map<String, String> attributes();

    /** @return the id of the bundle that takes this bundle's calls when it degrades, if it declares one */
    Optional<String> degradationBundle();
}
