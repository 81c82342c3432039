package io.nbf.modules.loader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import org.jboss.modules.DependencySpec;
import org.jboss.modules.Module;
import org.jboss.modules.ModuleDependencySpec;
import org.jboss.modules.ModuleDependencySpecBuilder;
import org.jboss.modules.ModuleLoadException;
import org.jboss.modules.ModuleLoader;
import org.jboss.modules.ModuleSpec;
import org.jboss.modules.ResourceLoader;
import org.jboss.modules.ResourceLoaderSpec;
import org.jboss.modules.ResourceLoaders;

/**
 * The module loader of one container: defines a module per bundle version from its JAR, and unloads
 * it again, closing the JAR (JBoss Modules' unload alone leaves it open). Thread-safe.
 *
 * <p>Uses only API that JBoss Modules 2.1.6 (WildFly 39) and 2.3 share: string module names, no
 * {@code ModuleIdentifier}.
 */
public final class BundleModuleLoader extends ModuleLoader {

    private final Map<String, ModuleSpec> pending = new ConcurrentHashMap<>();

    public BundleModuleLoader() {
        super(NO_FINDERS);
    }

    /**
     * Defines and loads a module that reads {@code jar}.
     *
     * @param name a module name no loaded module of this loader has
     * @param jar the JAR; the module keeps it open until {@link #unload}
     * @param exports the host packages the module may see
     * @param jdkModules JDK modules the module depends on beyond {@code java.base}
     * @return the loaded module, never {@code null}
     * @throws IOException if the JAR cannot be opened
     * @throws ModuleLoadException if JBoss Modules cannot link the module (e.g. an unknown JDK module)
     */
    public LoadedModule define(String name, Path jar, HostExports exports, Collection<String> jdkModules)
            throws IOException, ModuleLoadException {
        JarFile jarFile = new JarFile(jar.toFile());
        ResourceLoader resources = new BundleJarResources(ResourceLoaders.createJarResourceLoader(jarFile), jarFile,
                jar.toAbsolutePath().toUri());
        try {
            ModuleSpec.Builder spec = ModuleSpec.build(name); // depends on java.base already
            spec.addResourceRoot(ResourceLoaderSpec.createResourceLoaderSpec(resources));
            spec.addDependency(DependencySpec.OWN_DEPENDENCY);
            ModuleLoader jdk = ModuleDependencySpec.JAVA_BASE.getModuleLoader();
            for (String module : jdkModules) {
                spec.addDependency(new ModuleDependencySpecBuilder().setModuleLoader(jdk).setName(module).build());
            }
            spec.setFallbackLoader(new HostLocalLoader(exports));
            pending.put(name, spec.create());
            try {
                Module module = loadModule(name);
                return new LoadedModule(name, module, resources, jar);
            } finally {
                pending.remove(name);
            }
        } catch (ModuleLoadException | RuntimeException | Error e) {
            resources.close();
            throw e;
        }
    }

    /**
     * Unloads a module and closes its JAR. Classes already loaded keep working for code that still
     * holds them; the class loader becomes collectable once nothing does. Unloading twice does nothing.
     *
     * @param module a module this loader defined
     */
    public void unload(LoadedModule module) {
        unloadModuleLocal(module.name(), module.module());
        module.resources().close();
    }

    @Override
    protected ModuleSpec findModule(String name) {
        return pending.get(name);
    }

    @Override
    public String toString() {
        return "nbf bundle module loader";
    }
}
