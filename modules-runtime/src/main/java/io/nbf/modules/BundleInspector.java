package io.nbf.modules;

import io.nbf.api.BundleActivator;
import io.nbf.api.management.InvalidBundleException;
import io.nbf.modules.loader.HostExports;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks, at install and without running any bundle code, that what the JAR declares fits: every
 * service file that names a host SPI names one class of the bundle that implements it and that
 * {@link java.util.ServiceLoader} can create, the SPI is exported, and the activator is a
 * {@link BundleActivator}. Service files for the bundle's own interfaces or for JDK interfaces are the
 * bundle's business and are left alone.
 */
final class BundleInspector {

    final List<ProvidedService> services = new ArrayList<>();
    Class<? extends BundleActivator> activator;

    private final Path source;
    private final ClassLoader bundleLoader;
    private final HostExports exports;

    private BundleInspector(Path source, ClassLoader bundleLoader, HostExports exports) {
        this.source = source;
        this.bundleLoader = bundleLoader;
        this.exports = exports;
    }

    /**
     * @throws InvalidBundleException naming the file, the service file or descriptor key, and the class at fault
     */
    static BundleInspector inspect(Path source, JarScan scan, ClassLoader bundleLoader, HostExports exports) {
        BundleInspector i = new BundleInspector(source, bundleLoader, exports);
        for (String pkg : scan.packages) {
            if (exports.exportsPackage(pkg)) {
                // The module would load its own copy first: its classes would not be the host's.
                throw new InvalidBundleException(source, "contains classes of package " + pkg
                        + ", which the host exports; a bundle must use the host's copy, so leave it out of the JAR"
                        + " (Maven: <scope>provided</scope> on that dependency)");
            }
        }
        for (Map.Entry<String, List<String>> file : scan.serviceFiles.entrySet()) {
            i.inspectServiceFile(file.getKey(), file.getValue());
        }
        scan.descriptor.activatorClass().ifPresent(i::inspectActivator);
        return i;
    }

    private void inspectServiceFile(String spiName, List<String> providers) {
        String file = "META-INF/services/" + spiName;
        Class<?> spi;
        try {
            spi = Class.forName(spiName, false, bundleLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            if (hostHas(spiName)) {
                throw new InvalidBundleException(source, file + " names SPI " + spiName
                        + ", which the host does not export to bundles; export package " + packageOf(spiName)
                        + " (the nbf.exports config key, or EngineConfig.Builder.export)");
            }
            throw new InvalidBundleException(source, file + " names SPI " + spiName
                    + ", which is neither in the bundle nor exported by the host");
        }
        ClassLoader spiLoader = spi.getClassLoader();
        if (spiLoader == bundleLoader || spiLoader == null || spiLoader == ClassLoader.getPlatformClassLoader()) {
            return; // the bundle's own or a JDK service: used inside the bundle, not served by nbf
        }
        if (providers.isEmpty()) {
            throw new InvalidBundleException(source, file + " lists no implementation");
        }
        if (providers.size() > 1) {
            throw new InvalidBundleException(source, file + " lists " + providers.size() + " implementations " + providers
                    + "; a bundle provides at most one implementation of an SPI, so split them into bundles");
        }
        String implName = providers.get(0);
        Class<?> impl = bundleClass(implName, file + " names " + implName);
        if (!spi.isAssignableFrom(impl)) {
            throw new InvalidBundleException(source, file + " names " + implName + ", which does not implement " + spiName);
        }
        requireCreatable(impl, file + " names " + implName);
        services.add(new ProvidedService(spi, impl));
    }

    private void inspectActivator(String name) {
        String what = "the descriptor's activator " + name;
        Class<?> type = bundleClass(name, what);
        if (!BundleActivator.class.isAssignableFrom(type)) {
            throw new InvalidBundleException(source, what + " does not implement " + BundleActivator.class.getName());
        }
        requireCreatable(type, what);
        activator = type.asSubclass(BundleActivator.class);
    }

    private Class<?> bundleClass(String name, String what) {
        Class<?> type;
        try {
            type = Class.forName(name, false, bundleLoader);
        } catch (ClassNotFoundException e) {
            throw new InvalidBundleException(source, what + ", which is not in the bundle");
        } catch (LinkageError e) {
            throw new InvalidBundleException(source, what + ", which cannot be loaded: " + e
                    + " (does it use a host class that is not exported, or a JDK module not in jdk-modules?)", e);
        }
        if (type.getClassLoader() != bundleLoader) {
            throw new InvalidBundleException(source, what + ", which is not a class of the bundle but of " + type.getClassLoader());
        }
        return type;
    }

    private void requireCreatable(Class<?> type, String what) {
        boolean concrete = !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
        boolean ok = concrete && Modifier.isPublic(type.getModifiers()) && type.getEnclosingClass() == null;
        if (ok) {
            try {
                ok = Modifier.isPublic(type.getDeclaredConstructor().getModifiers());
            } catch (NoSuchMethodException e) {
                ok = false;
            } catch (LinkageError e) {
                throw new InvalidBundleException(source, what + ", which cannot be linked: " + e, e);
            }
        }
        if (!ok) {
            throw new InvalidBundleException(source, what + ", which must be a public, concrete, top-level class"
                    + " with a public no-argument constructor");
        }
    }

    private boolean hostHas(String className) {
        try {
            Class.forName(className, false, exports.hostClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "(the unnamed package)" : className.substring(0, dot);
    }
}
