package io.nbf.modules.loader;

import java.io.IOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.modules.ClassSpec;
import org.jboss.modules.PackageSpec;
import org.jboss.modules.ResourceLoader;

/**
 * The class loader that defines a bundle's classes. Its parent is {@code null} (the bootstrap loader),
 * so {@code getClass().getClassLoader().getParent()} hands a bundle no host class or resource.
 *
 * <p>Why not the JBoss Modules {@code ModuleClassLoader} itself: in JBoss Modules 2.x its only
 * constructor passes {@code ClassLoader.getSystemClassLoader()} as the parent (there is no way to give
 * another, and {@code getParent()} is final), which on Weld SE, Quarkus and in tests is the
 * application class loader holding every host class. So the module still does the linking (java.base,
 * declared JDK modules, exported host packages, the bundle's own resources) and this loader defines
 * the classes of the bundle JAR and asks the module for everything else.
 */
final class BundleClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader linked;
    private final ResourceLoader jar;
    private final Map<CodeSource, ProtectionDomain> domains = new ConcurrentHashMap<>();

    /**
     * @param name the module name
     * @param linked the module's class loader: JDK modules, exported host packages, the JAR's resources
     * @param jar the bundle JAR, whose classes this loader defines
     */
    BundleClassLoader(String name, ClassLoader linked, ResourceLoader jar) {
        super(name, null);
        this.linked = linked;
        this.jar = jar;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = defineFromJar(name);
            }
            if (c == null) {
                c = linked.loadClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = defineFromJar(name);
        if (c == null) {
            throw new ClassNotFoundException(name);
        }
        return c;
    }

    private Class<?> defineFromJar(String name) throws ClassNotFoundException {
        if (name.startsWith("java.")) {
            return null;
        }
        ClassSpec spec;
        try {
            spec = jar.getClassSpec(name.replace('.', '/') + ".class");
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        if (spec == null) {
            return null;
        }
        definePackageOf(name);
        ProtectionDomain domain = spec.getCodeSource() == null ? null
                : domains.computeIfAbsent(spec.getCodeSource(), cs -> new ProtectionDomain(cs, null, this, null));
        ByteBuffer buffer = spec.getByteBuffer();
        return buffer != null ? defineClass(name, buffer, domain)
                : defineClass(name, spec.getBytes(), 0, spec.getBytes().length, domain);
    }

    /** Defines the package of a JAR class with its manifest attributes, as JBoss Modules would. */
    private void definePackageOf(String className) throws ClassNotFoundException {
        int dot = className.lastIndexOf('.');
        if (dot < 0) {
            return;
        }
        String pkg = className.substring(0, dot);
        if (getDefinedPackage(pkg) != null) {
            return;
        }
        PackageSpec p;
        try {
            p = jar.getPackageSpec(pkg);
        } catch (IOException e) {
            throw new ClassNotFoundException(className, e);
        }
        if (p == null) {
            return;
        }
        try {
            definePackage(pkg, p.getSpecTitle(), p.getSpecVersion(), p.getSpecVendor(), p.getImplTitle(),
                    p.getImplVersion(), p.getImplVendor(), p.getSealBase());
        } catch (IllegalArgumentException definedMeanwhile) {
            // another class of the package was defined concurrently: its package stands
        }
    }

    @Override
    protected URL findResource(String name) {
        return linked.getResource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return linked.getResources(name);
    }

    @Override
    public String toString() {
        return "nbf bundle class loader " + getName();
    }
}
