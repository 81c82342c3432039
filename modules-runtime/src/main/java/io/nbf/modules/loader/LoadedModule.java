package io.nbf.modules.loader;

import java.nio.file.Path;
import org.jboss.modules.Module;
import org.jboss.modules.ResourceLoader;

/**
 * A bundle version loaded as a module: the module, the bundle's class loader and the JAR it reads. Created
 * by {@link BundleModuleLoader#define}; closed by {@link BundleModuleLoader#unload}.
 */
public final class LoadedModule {

    private final String name;
    private final Module module;
    private final ResourceLoader resources;
    private final Path jar;
    private final ClassLoader classLoader;

    LoadedModule(String name, Module module, ResourceLoader resources, Path jar) {
        this.name = name;
        this.module = module;
        this.classLoader = new BundleClassLoader(name, module.getClassLoader(), resources);
        this.resources = resources;
        this.jar = jar;
    }

    /** @return the module name */
    public String name() {
        return name;
    }

    /**
     * @return the class loader that defines the bundle's classes; its parent is {@code null}, and it
     *         delegates everything outside the bundle JAR to the module's class loader
     */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /** @return the JAR file the module reads */
    public Path jar() {
        return jar;
    }

    Module module() {
        return module;
    }

    ResourceLoader resources() {
        return resources;
    }
}
