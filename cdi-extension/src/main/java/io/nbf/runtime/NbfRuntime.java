package io.nbf.runtime;

import io.nbf.api.BundleBroker;
import io.nbf.api.DynamicInvoker;
import io.nbf.api.management.BundleManager;
import io.nbf.api.management.RouteManager;
import io.nbf.config.ConfigWatcher;
import io.nbf.config.DynamicSettings;
import io.nbf.config.NbfSettings;
import io.nbf.modules.BundleEngine;
import io.nbf.modules.EngineConfig;
import io.nbf.modules.InstanceInjector;
import io.nbf.modules.deploy.DirectoryDeployer;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.routing.Dispatcher;
import io.nbf.routing.Route;
import io.nbf.routing.Router;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;

/**
 * nbf in one object: the bundle container, the directory it deploys from, the router that makes
 * routing proxies, and the configuration watcher that keeps routes in step with MicroProfile Config.
 *
 * <p>Lifecycle: the constructor builds everything but loads no bundle, so proxies can be handed out
 * at once; {@link #start()} deploys the bundle directory and starts watching it and the
 * configuration; {@link #close()} stops the watchers and uninstalls every bundle, leaving no thread
 * behind. Thread-safe.
 */
public final class NbfRuntime implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(NbfRuntime.class.getName());

    private final NbfSettings settings;
    private final BundleEngine engine;
    private final Router router;
    private final ConfigWatcher configWatcher;
    private final Set<String> knownSpis = ConcurrentHashMap.newKeySet();
    private final BundleBroker broker;
    private final RouteManager routeManager;
    private DirectoryDeployer deployer;
    private volatile boolean started;
    private volatile boolean closed;

    /**
     * @param settings the static settings
     * @param config where the dynamic settings are read from, on every refresh
     * @param hostClassLoader where exported host classes come from
     * @param exports host packages bundles see beyond {@code io.nbf.api} and the settings' exports
     *        (the CDI glue passes {@code jakarta.inject} and the injected SPIs' packages)
     * @param injector injects into bundle objects
     * @param dispatcher how routed calls reach bundles
     */
    public NbfRuntime(NbfSettings settings, Supplier<Config> config, ClassLoader hostClassLoader, Collection<String> exports,
            InstanceInjector injector, Dispatcher dispatcher) {
        this.settings = Objects.requireNonNull(settings, "settings");
        EngineConfig.Builder engineConfig = EngineConfig.builder()
                .hostClassLoader(hostClassLoader)
                .exportAll(exports)
                .exportAll(settings.exports())
                .hookTimeout(settings.hookTimeout())
                .drainTimeout(settings.drainTimeout())
                .retainedVersions(settings.retainedVersions())
                .injector(injector);
        settings.workDirectory().ifPresent(engineConfig::workDirectory);
        this.engine = new BundleEngine(engineConfig.build());
        this.router = new Router(engine.registry(), dispatcher);
        this.configWatcher = new ConfigWatcher(config, () -> knownSpis, this::apply);
        this.broker = new BundleBroker() {
            @Override
            public <T> T get(Class<T> spi) {
                return proxy(spi, Route.DEFAULT);
            }

            @Override
            public <T> DynamicInvoker<T> invoker(Class<T> spi) {
                return NbfRuntime.this.invoker(spi);
            }

            @Override
            public String toString() {
                return "nbf BundleBroker";
            }
        };
        this.routeManager = new RouteManager() {
            @Override
            public void refresh() {
                configWatcher.refresh();
            }

            @Override
            public Map<String, String> overrides() {
                Map<String, String> text = new LinkedHashMap<>();
                router.overrides().forEach((spi, route) -> text.put(spi, route.toString()));
                return Collections.unmodifiableMap(text);
            }

            @Override
            public Optional<String> explain(Class<?> spi) {
                return Optional.ofNullable(router.defaultBinding(spi).resolve()).map(ServiceEntry::bundleId);
            }
        };
    }

    /**
     * Reads the configuration, deploys the bundle directory, and starts watching both.
     *
     * @throws IllegalArgumentException naming the key, if the configuration is invalid
     */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        configWatcher.refresh();
        deployer = new DirectoryDeployer(engine, settings.bundlesDirectory(), settings.scanInterval());
        if (settings.scanInterval().isZero()) {
            deployer.scanOnce();
        } else {
            deployer.start();
        }
        configWatcher.start(settings.refreshInterval());
        started = true;
        LOG.log(Level.INFO, () -> "nbf started: " + engine.bundles().size() + " bundle version(s) from "
                + settings.bundlesDirectory().toAbsolutePath());
    }

    /** Registers the SPIs whose route keys are read, e.g. those of the injection points, before {@link #start()}. */
    public void registerSpis(Collection<Class<?>> spis) {
        spis.forEach(s -> knownSpis.add(s.getName()));
    }

    /** @return the routing proxy of an SPI on a declared route (the configuration may override it) */
    public <T> T proxy(Class<T> spi, Route declared) {
        T proxy = router.proxy(spi, declared);
        if (knownSpis.add(spi.getName()) && started) {
            try {
                configWatcher.refresh(); // a new SPI: read its keys now, not at the next refresh
            } catch (IllegalArgumentException rejected) {
                // logged by the watcher; the last good settings serve
            }
        }
        return proxy;
    }

    /** @return the invoker of an SPI */
    public <T> DynamicInvoker<T> invoker(Class<T> spi) {
        return router.invoker(spi);
    }

    /** @return the broker */
    public BundleBroker broker() {
        return broker;
    }

    /** @return the management API */
    public BundleManager manager() {
        return engine;
    }

    /** @return the route management API */
    public RouteManager routes() {
        return routeManager;
    }

    /** @return the container */
    public BundleEngine engine() {
        return engine;
    }

    /** @return the router */
    public Router router() {
        return router;
    }

    /** @return the SPIs whose keys are read */
    public Set<String> knownSpis() {
        return new TreeSet<>(knownSpis);
    }

    private void apply(DynamicSettings next) {
        router.override(next.routes());
    }

    /** Stops watching the directory and the configuration, then uninstalls every bundle. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        configWatcher.close();
        if (deployer != null) {
            deployer.close();
        }
        engine.close();
        LOG.log(Level.INFO, "nbf stopped");
    }
}
