package io.nbf.modules;

import static io.nbf.modules.messages.RuntimeMessages.MSG;

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
     * @throws InvalidBundleException naming the file, the service file or descriptor key, and the class at
     *         fault (NBF1520–NBF1531)
     */
    static BundleInspector inspect(Path source, JarScan scan, ClassLoader bundleLoader, HostExports exports) {
        BundleInspector i = new BundleInspector(source, bundleLoader, exports);
        for (String pkg : scan.packages()) {
            if (exports.exportsPackage(pkg)) {
                // The module would load its own copy first: its classes would not be the host's.
                throw MSG.containsExportedPackage(source, pkg);
            }
        }
        for (Map.Entry<String, List<String>> file : scan.serviceFiles().entrySet()) {
            i.inspectServiceFile(file.getKey(), file.getValue());
        }
        scan.descriptor().activatorClass().ifPresent(i::inspectActivator);
        return i;
    }

    private void inspectServiceFile(String spiName, List<String> providers) {
        String file = "META-INF/services/" + spiName;
        Class<?> spi;
        try {
            spi = Class.forName(spiName, false, bundleLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            if (hostHas(spiName)) {
                throw MSG.spiNotExported(source, file, spiName, packageOf(spiName));
            }
            throw MSG.spiNowhere(source, file, spiName);
        }
        ClassLoader spiLoader = spi.getClassLoader();
        if (spiLoader == bundleLoader || spiLoader == null || spiLoader == ClassLoader.getPlatformClassLoader()) {
            return; // the bundle's own or a JDK service: used inside the bundle, not served by nbf
        }
        if (providers.isEmpty()) {
            throw MSG.noImplementation(source, file);
        }
        if (providers.size() > 1) {
            throw MSG.severalImplementations(source, file, providers.size(), providers);
        }
        String implName = providers.get(0);
        String what = MSG.serviceFileNames(file, implName);
        Class<?> impl = bundleClass(implName, what);
        if (!spi.isAssignableFrom(impl)) {
            throw MSG.doesNotImplementSpi(source, file, implName, spiName);
        }
        requireCreatable(impl, what);
        services.add(new ProvidedService(spi, impl));
    }

    private void inspectActivator(String name) {
        String what = MSG.descriptorActivator(name);
        Class<?> type = bundleClass(name, what);
        if (!BundleActivator.class.isAssignableFrom(type)) {
            throw MSG.notAnActivator(source, what, BundleActivator.class.getName());
        }
        requireCreatable(type, what);
        activator = type.asSubclass(BundleActivator.class);
    }

    private Class<?> bundleClass(String name, String what) {
        Class<?> type;
        try {
            type = Class.forName(name, false, bundleLoader);
        } catch (ClassNotFoundException e) {
            throw MSG.classNotInBundle(source, what);
        } catch (LinkageError e) {
            throw MSG.classNotLoadable(source, what, e, e);
        }
        if (type.getClassLoader() != bundleLoader) {
            throw MSG.classOfAnotherLoader(source, what, type.getClassLoader());
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
                throw MSG.classNotLinkable(source, what, e, e);
            }
        }
        if (!ok) {
            throw MSG.classNotCreatable(source, what);
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
