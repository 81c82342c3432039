package io.nbf.modules.loader;

import java.util.List;
import org.jboss.modules.LocalLoader;
import org.jboss.modules.Resource;

/**
 * A bundle module's fallback loader: hands out host classes of exported packages, nothing else.
 * Written here because JBoss Modules' own class-loader-backed loader is not public. No resource is
 * ever exported, so host {@code META-INF/services} files stay invisible to bundles.
 */
final class HostLocalLoader implements LocalLoader {

    private final HostExports exports;

    HostLocalLoader(HostExports exports) {
        this.exports = exports;
    }

    @Override
    public Class<?> loadClassLocal(String name, boolean resolve) {
        if (!exports.exportsClass(name)) {
            return null;
        }
        try {
            return Class.forName(name, false, exports.hostClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    @Override
    public Package loadPackageLocal(String name) {
        return exports.exportsPackage(name) ? exports.hostClassLoader().getDefinedPackage(name) : null;
    }

    @Override
    public List<Resource> loadResourceLocal(String name) {
        return List.of();
    }
}
