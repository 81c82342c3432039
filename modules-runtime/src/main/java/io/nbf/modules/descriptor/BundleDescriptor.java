package io.nbf.modules.descriptor;

import static io.nbf.modules.messages.RuntimeMessages.MSG;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a bundle declares about itself in {@value #RESOURCE}: id, version, attributes, and optionally
 * a lifecycle hook class, a degradation bundle and the JDK modules it needs beyond {@code java.base}.
 * Immutable; build one with {@link #builder(String, BundleVersion)}.
 */
public final class BundleDescriptor {

    /** Where a bundle JAR carries its descriptor. */
    public static final String RESOURCE = "META-INF/nbf-bundle.properties";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final String id;
    private final BundleVersion version;
    private final Map<String, String> attributes;
    private final String activatorClass;
    private final String degradationBundle;
    private final Set<String> jdkModules;

    private BundleDescriptor(Builder b) {
        this.id = b.id;
        this.version = b.version;
        this.attributes = Collections.unmodifiableMap(new TreeMap<>(b.attributes));
        this.activatorClass = b.activatorClass;
        this.degradationBundle = b.degradationBundle;
        this.jdkModules = Collections.unmodifiableSet(new LinkedHashSet<>(b.jdkModules));
    }

    /**
     * Checks a bundle id.
     *
     * @param id the id
     * @return whether it is a valid id: a letter or digit, then up to 127 letters, digits, {@code .},
     *         {@code _} or {@code -}
     */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * Starts a descriptor.
     *
     * @param id the bundle id; see {@link #isValidId}
     * @param version the version, not {@code null}
     * @return a builder
     * @throws IllegalArgumentException (NBF1561) if the id is invalid
     * @throws NullPointerException if the version is {@code null}
     */
    public static Builder builder(String id, BundleVersion version) {
        return new Builder(id, version);
    }

    /** @return the bundle id, never {@code null} */
    public String id() {
        return id;
    }

    /** @return the version, never {@code null} */
    public BundleVersion version() {
        return version;
    }

    /** @return the attributes, sorted by key, unmodifiable, never {@code null} */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** @return the fully qualified name of the {@link io.nbf.api.BundleActivator} class, if declared */
    public Optional<String> activatorClass() {
        return Optional.ofNullable(activatorClass);
    }

    /** @return the id of the bundle that takes this bundle's calls when it degrades, if declared */
    public Optional<String> degradationBundle() {
        return Optional.ofNullable(degradationBundle);
    }

    /** @return the JDK modules the bundle needs beyond {@code java.base}, unmodifiable, never {@code null} */
    public Set<String> jdkModules() {
        return jdkModules;
    }

    /**
     * @param id a valid bundle id
     * @param degradation a degradation bundle id, or {@code null} for none
     * @return why {@code degradation} cannot be the degradation bundle of {@code id}, or {@code null} if it can
     */
    static String degradationProblem(String id, String degradation) {
        if (degradation == null) {
            return null;
        }
        if (!isValidId(degradation)) {
            return MSG.degradationIdInvalid(degradation);
        }
        return degradation.equals(id) ? MSG.ownDegradation(id) : null;
    }

    /** @return {@code id:version}, how messages name a bundle version */
    public String name() {
        return id + ":" + version;
    }

    @Override
    public String toString() {
        return name();
    }

    /** Builds a {@link BundleDescriptor}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final BundleVersion version;
        private final Map<String, String> attributes = new TreeMap<>();
        private String activatorClass;
        private String degradationBundle;
        private final Set<String> jdkModules = new LinkedHashSet<>();

        private Builder(String id, BundleVersion version) {
            if (!isValidId(id)) {
                throw MSG.invalidDescriptorValue(MSG.bundleIdInvalid(id));
            }
            this.id = id;
            this.version = Objects.requireNonNull(version, "version");
        }

        /**
         * Adds an attribute; a later value for the same key replaces the earlier.
         *
         * @throws IllegalArgumentException (NBF1561) if the key is {@code null} or blank
         * @throws NullPointerException if the value is {@code null}
         */
        public Builder attribute(String key, String value) {
            if (key == null || key.isBlank()) {
                throw MSG.invalidDescriptorValue(MSG.attributeNameBlank());
            }
            attributes.put(key, Objects.requireNonNull(value, "value of attribute " + key));
            return this;
        }

        /** Sets the {@link io.nbf.api.BundleActivator} class name; {@code null} for none. */
        public Builder activatorClass(String className) {
            this.activatorClass = className;
            return this;
        }

        /**
         * Sets the degradation bundle id; {@code null} for none.
         *
         * @throws IllegalArgumentException (NBF1561) if the id is invalid or this bundle's own
         */
        public Builder degradationBundle(String bundleId) {
            String problem = degradationProblem(id, bundleId);
            if (problem != null) {
                throw MSG.invalidDescriptorValue(problem);
            }
            this.degradationBundle = bundleId;
            return this;
        }

        /** Adds a JDK module the bundle needs beyond {@code java.base}, e.g. {@code java.sql}. */
        public Builder jdkModule(String moduleName) {
            jdkModules.add(Objects.requireNonNull(moduleName, "moduleName"));
            return this;
        }

        /** @return the descriptor */
        public BundleDescriptor build() {
            return new BundleDescriptor(this);
        }
    }
}
