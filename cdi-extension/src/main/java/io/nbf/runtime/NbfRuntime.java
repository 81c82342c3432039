package io.nbf.runtime;

import io.nbf.api.BundleBroker;
import io.nbf.api.DynamicInvoker;
import io.nbf.api.management.BundleEvent;
import io.nbf.api.management.BundleManager;
import io.nbf.api.management.BundleState;
import io.nbf.api.management.RouteManager;
import io.nbf.config.ConfigWatcher;
import io.nbf.config.DynamicSettings;
import io.nbf.config.NbfSettings;
import io.nbf.config.ObservationSettings;
import io.nbf.modules.BundleEngine;
import io.nbf.modules.EngineConfig;
import io.nbf.modules.InstanceInjector;
import io.nbf.modules.deploy.DirectoryDeployer;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.dispatch.CallSite;
import io.nbf.guard.GuardedDispatcher;
import io.nbf.messages.NbfLogger;
import io.nbf.messages.NbfMessages;
import io.nbf.metrics.CallMetrics;
import io.nbf.route.Route;
import io.nbf.proxy.Router;
import io.nbf.trace.CallTracer;
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

    private final NbfSettings settings;
    private final BundleEngine engine;
    private final Router router;
    private final GuardedDispatcher guards;
    private final ConfigWatcher configWatcher;
    private final Set<String> knownSpis = ConcurrentHashMap.newKeySet();
    private final BundleBroker broker;
    private final RouteManager routeManager;
    private DirectoryDeployer deployer;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile Set<String> requiredBundles = Set.of();
    private CallMetrics metrics = CallMetrics.NONE;
    private Runnable removeGauges = () -> { };

    /**
     * @param settings the static settings
     * @param config where the dynamic settings are read from, on every refresh
     * @param hostClassLoader where exported host classes come from
     * @param exports host packages bundles see beyond {@code io.nbf.api} and the settings' exports
     *        (the CDI glue passes {@code jakarta.inject} and the injected SPIs' packages)
     * @param injector injects into bundle objects
     */
    public NbfRuntime(NbfSettings settings, Supplier<Config> config, ClassLoader hostClassLoader, Collection<String> exports,
            InstanceInjector injector) {
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
        settings.stateDirectory().ifPresent(engineConfig::stateDirectory);
        this.engine = new BundleEngine(engineConfig.build());
        this.guards = new GuardedDispatcher(engine.registry(), hostClassLoader);
        this.router = new Router(engine.registry(), guards);
        this.configWatcher = new ConfigWatcher(() -> DynamicSettings.read(config.get(), knownSpis, bundleIds(),
                guards.faultToleranceAvailable()), this::apply);
        engine.addListener(this::bundleChanged);
        this.broker = new BundleBroker() {
            @Override
            public <T> T get(Class<T> spi) {
                return proxy(requireExported(spi), Route.DEFAULT);
            }

            @Override
            public <T> DynamicInvoker<T> invoker(Class<T> spi) {
                return NbfRuntime.this.invoker(requireExported(spi));
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
                return Optional.ofNullable(router.defaultRoute(spi).resolve()).map(ServiceEntry::bundleId);
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
        configWatcher.refresh(); // routes and SPI guards, for calls bundles make while they start
        deployer = new DirectoryDeployer(engine, settings.bundlesDirectory(), settings.scanInterval());
        if (settings.scanInterval().isZero()) {
            deployer.scanOnce();
        } else {
            deployer.start();
        }
        configWatcher.refresh(); // and the keys of the bundles just installed
        configWatcher.start(settings.refreshInterval());
        started = true;
        NbfLogger.LOG.started(engine.bundles().size(), settings.bundlesDirectory().toAbsolutePath());
    }

    /** Registers the SPIs whose route keys are read, e.g. those of the injection points, before {@link #start()}. */
    public void registerSpis(Collection<Class<?>> spis) {
        spis.forEach(s -> knownSpis.add(s.getName()));
    }

    /** @return the routing proxy of an SPI on a declared route (the configuration may override it) */
    public <T> T proxy(Class<T> spi, Route declared) {
        T proxy = router.proxy(spi, declared);
        knownSpi(spi);
        return proxy;
    }

    /** @return the invoker of an SPI */
    public <T> DynamicInvoker<T> invoker(Class<T> spi) {
        DynamicInvoker<T> invoker = router.invoker(spi);
        knownSpi(spi);
        return invoker;
    }

    private void knownSpi(Class<?> spi) {
        if (knownSpis.add(spi.getName()) && started) {
            try {
                configWatcher.refresh(); // a new SPI: read its keys now, not at the next refresh
            } catch (IllegalArgumentException rejected) {
                // logged by the watcher; the last good settings serve
            }
        }
    }

    /** @return {@code spi}, if bundles can implement it: an interface whose package the host exports to them */
    private <T> Class<T> requireExported(Class<T> spi) {
        if (!spi.isInterface()) {
            throw NbfMessages.MSG.notAnInterface(spi.getName());
        }
        if (!engine.config().exports().exportsPackage(spi.getPackageName())) {
            throw NbfMessages.MSG.spiNotExported(spi.getName(), spi.getPackageName());
        }
        return spi;
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

    /** @return the guarded dispatcher every routing proxy calls through */
    public GuardedDispatcher guards() {
        return guards;
    }

    /**
     * Records calls in {@code metrics} from now on, and publishes the bundle gauges there (in place of any an
     * earlier runtime registered; {@link #close()} removes them).
     */
    public synchronized void metrics(CallMetrics metrics) {
        guards.metrics(metrics);
        removeGauges.run();
        this.metrics.close();
        this.metrics = metrics;
        removeGauges = metrics.bundleGauges(() -> engine.bundles().size(),
                () -> engine.bundles().stream().filter(b -> b.state() == BundleState.ACTIVE).count(),
                () -> engine.bundles().stream().filter(b -> b.live()).count());
    }

    /** Traces calls with {@code tracer} from now on. */
    public void tracer(CallTracer tracer) {
        guards.tracer(tracer);
        prepareGuards();
    }

    /** @return the startup check: UP once the first deployment of the bundle directory is done */
    public BundleHealth.Report startupHealth() {
        return BundleHealth.startup(started, engine.bundles(), engine.unreclaimed());
    }

    /** @return the readiness check: DOWN while a bundle of {@code nbf.health.required-bundles} is failed or not live */
    public BundleHealth.Report readinessHealth() {
        return BundleHealth.readiness(started, requiredBundles, engine.bundles(), engine.unreclaimed());
    }

    /** Lets guards use Fault Tolerance: call once the CDI container is up (see {@link GuardedDispatcher#faultToleranceReady()}). */
    public void faultToleranceReady() {
        guards.faultToleranceReady();
        prepareGuards();
    }

    private Collection<String> bundleIds() {
        Set<String> ids = new TreeSet<>();
        engine.bundles().forEach(b -> ids.add(b.id()));
        return ids;
    }

    private void bundleChanged(BundleEvent event) {
        if (event.type() == BundleEvent.Type.UNINSTALLED) {
            guards.forget(event.bundle().id(), event.bundle().version());
            prepareGuards(); // every call site resolves again: none keeps the uninstalled version's entry and loader
        } else if (event.type() == BundleEvent.Type.SWITCHED) {
            prepareGuards(); // the new version's guard, before its first call
        } else if (event.type() == BundleEvent.Type.INSTALLED && started && !closed) {
            try {
                configWatcher.refresh(); // a new bundle: read its keys now
            } catch (IllegalArgumentException rejected) {
                // logged by the watcher; the last good settings serve
            }
        }
    }

    private void apply(DynamicSettings next) {
        router.override(next.routes());
        ObservationSettings observation = next.observation();
        requiredBundles = observation.requiredBundles();
        guards.configure(next.guardsBySpi(), next.guardsByBundle(), observation);
        prepareGuards();
    }

    private void prepareGuards() {
        for (CallSite site : router.sites()) {
            try {
                site.prepare();
            } catch (RuntimeException e) {
                NbfLogger.LOG.guardNotPrepared(site, e);
            }
        }
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
        try {
            removeGauges.run();
            metrics.close();
        } catch (RuntimeException e) {
            NbfLogger.LOG.gaugesNotRemoved(e);
        }
        NbfLogger.LOG.stopped();
    }
}
