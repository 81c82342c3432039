package io.nbf.modules.testing;

import io.nbf.modules.registry.ServiceEntry;
import io.nbf.modules.registry.ServiceRegistry;
import java.util.function.Function;

/** Calls a bundle through the registry the way a routing proxy does: look up, enter, call, exit. */
public final class Calls {

    private Calls() {
    }

    /** Greets through the live Greeter of a bundle id. */
    public static String greet(ServiceRegistry registry, String bundleId, String name) {
        return call(registry, io.nbf.modules.testspi.Greeter.class, bundleId, g -> g.greet(name));
    }

    /** Asks the live Probe of a bundle id. */
    public static String probe(ServiceRegistry registry, String bundleId, String question) {
        return call(registry, io.nbf.modules.testspi.Probe.class, bundleId, p -> p.probe(question));
    }

    /**
     * @throws IllegalStateException if no live bundle with that id implements the SPI
     */
    public static <S, R> R call(ServiceRegistry registry, Class<S> spi, String bundleId, Function<S, R> call) {
        while (true) {
            ServiceEntry e = registry.snapshot().services(spi).byBundleId(bundleId);
            if (e == null) {
                throw new IllegalStateException("no live " + spi.getSimpleName() + " from bundle " + bundleId);
            }
            if (!e.tryEnter()) {
                continue; // retired between lookup and entry: the next snapshot has its successor
            }
            Thread t = Thread.currentThread();
            ClassLoader before = t.getContextClassLoader();
            t.setContextClassLoader(e.classLoader());
            try {
                return call.apply(spi.cast(e.instance()));
            } finally {
                t.setContextClassLoader(before);
                e.exit();
            }
        }
    }
}
