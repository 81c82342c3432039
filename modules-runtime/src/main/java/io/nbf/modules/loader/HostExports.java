package io.nbf.modules.loader;

import static io.nbf.modules.messages.RuntimeMessages.MSG;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The host packages bundles may load classes from (the seed's "import list"), and the class loader
 * they come from. {@code io.nbf.api} is always exported. Immutable; build with {@link #builder(ClassLoader)}.
 *
 * <p>An entry is a package name ({@code com.acme.spi}: that package only) or a package name followed
 * by {@code .*} ({@code org.slf4j.*}: that package and every package below it).
 */
public final class HostExports {

    /** The package of the nbf API, exported to every bundle. */
    public static final String API_PACKAGE = "io.nbf.api";

    private static final Pattern ENTRY = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
            + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*(\\.\\*)?");

    private final ClassLoader hostClassLoader;
    private final Set<String> packages;
    private final Set<String> prefixes;
    private final Set<String> entries;

    private HostExports(Builder b) {
        this.hostClassLoader = b.hostClassLoader;
        Set<String> exact = new TreeSet<>();
        Set<String> wildcard = new TreeSet<>();
        for (String e : b.entries) {
            if (e.endsWith(".*")) {
                wildcard.add(e.substring(0, e.length() - 2));
            } else {
                exact.add(e);
            }
        }
        this.packages = Collections.unmodifiableSet(exact);
        this.prefixes = Collections.unmodifiableSet(wildcard);
        this.entries = Collections.unmodifiableSet(new TreeSet<>(b.entries));
    }

    /**
     * Starts an export list.
     *
     * @param hostClassLoader where exported classes are loaded from, not {@code null}
     * @return a builder already holding {@value #API_PACKAGE}
     */
    public static Builder builder(ClassLoader hostClassLoader) {
        return new Builder(hostClassLoader);
    }

    /** @return the class loader exported classes come from */
    public ClassLoader hostClassLoader() {
        return hostClassLoader;
    }

    /** @return the entries as given ({@code pkg} or {@code pkg.*}), sorted */
    public Set<String> entries() {
        return entries;
    }

    /**
     * @param packageName a package name, e.g. {@code com.acme.spi}
     * @return whether bundles may load classes of that package from the host
     */
    public boolean exportsPackage(String packageName) {
        if (packages.contains(packageName)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (packageName.equals(prefix) || (packageName.startsWith(prefix) && packageName.charAt(prefix.length()) == '.')) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param className a binary class name
     * @return whether bundles may load that class from the host
     */
    public boolean exportsClass(String className) {
        int dot = className.lastIndexOf('.');
        return dot > 0 && exportsPackage(className.substring(0, dot));
    }

    /** Builds {@link HostExports}. Not thread-safe. */
    public static final class Builder {
        private final ClassLoader hostClassLoader;
        private final Set<String> entries = new TreeSet<>();

        private Builder(ClassLoader hostClassLoader) {
            this.hostClassLoader = Objects.requireNonNull(hostClassLoader, "hostClassLoader");
            entries.add(API_PACKAGE);
        }

        /**
         * Exports a package, or with a trailing {@code .*} a package tree.
         *
         * @throws IllegalArgumentException if the entry is not a package name, optionally followed by {@code .*}
         *         (NBF1572), or is a {@code java.} package (NBF1573)
         * @throws NullPointerException if the entry is {@code null}
         */
        public Builder export(String entry) {
            String e = Objects.requireNonNull(entry, "entry").trim();
            if (!ENTRY.matcher(e).matches()) {
                throw MSG.exportNotAPackage(entry);
            }
            if (e.startsWith("java.")) {
                throw MSG.exportIsJdkPackage(entry);
            }
            entries.add(e);
            return this;
        }

        /** Exports each entry; see {@link #export(String)}. */
        public Builder exportAll(Collection<String> exports) {
            exports.forEach(this::export);
            return this;
        }

        /** Exports the package of a class. */
        public Builder exportPackageOf(Class<?> type) {
            return export(type.getPackageName());
        }

        /** @return the export list */
        public HostExports build() {
            return new HostExports(this);
        }
    }
}
