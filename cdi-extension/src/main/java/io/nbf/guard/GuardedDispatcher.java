package io.nbf.guard;

import io.nbf.metrics.CallMetrics;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.modules.registry.ServiceRegistry;
import io.nbf.routing.BundleCall;
import io.nbf.routing.Dispatcher;
import io.nbf.routing.RouteBinding;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The bundle proxy: routes a call, then guards it.
 *
 * <ol>
 *   <li>mock {@code force:} sends the call to the mock bundle;</li>
 *   <li>no live bundle on the route: the call degrades ({@link DegradationReason#NOT_FOUND});</li>
 *   <li>the weighted split sends its share to the degradation bundle ({@link DegradationReason#THROTTLED});</li>
 *   <li>the bundle's guard (Fault Tolerance circuit breaker, rate limit, timeout, the slow-call rule)
 *       calls it; a refusal, a timeout, or an exception that degrades sends the same method with the
 *       same arguments to the degradation bundle (or the {@code fail:} mock bundle);</li>
 *   <li>with no degradation bundle, or none live, the original error reaches the caller unchanged.</li>
 * </ol>
 * A call no setting guards, with metrics off, takes the plain route of the
 * {@link io.nbf.routing.DirectDispatcher}. Guards are kept per SPI, bundle id and version: a new
 * version starts with a closed breaker; one bundle's failures never trip another's. Thread-safe.
 */
public final class GuardedDispatcher implements Dispatcher {

    private static final System.Logger LOG = System.getLogger(GuardedDispatcher.class.getName());

    private final ServiceRegistry registry;
    private final ClassLoader host;
    private final boolean faultToleranceAvailable;
    private final Map<Key, BundleGuard> guards = new ConcurrentHashMap<>();
    /** The metrics of degradation bundles' calls, which no guard of theirs records. */
    private final Map<Key, Map<Method, CallMetrics.MethodMetrics>> fallbackMetrics = new ConcurrentHashMap<>();
    private volatile Settings settings = new Settings(Map.of(), Map.of(), true, false, 0);
    private volatile CallMetrics metrics = CallMetrics.NONE;
    private volatile boolean warnedNoFaultTolerance;

    /** The guard settings in force, and a generation that changes with them. */
    private static final class Settings {
        final Map<String, GuardSettings> bySpi;
        final Map<String, GuardSettings> byBundle;
        final boolean metricsEnabled;
        final boolean faultToleranceReady;
        final long generation;

        Settings(Map<String, GuardSettings> bySpi, Map<String, GuardSettings> byBundle, boolean metricsEnabled,
                boolean faultToleranceReady, long generation) {
            this.bySpi = bySpi;
            this.byBundle = byBundle;
            this.metricsEnabled = metricsEnabled;
            this.faultToleranceReady = faultToleranceReady;
            this.generation = generation;
        }
    }

    /** What a route binding resolved to under given settings: cached on the binding. */
    private static final class Target {
        final ServiceEntry entry;
        final long generation;
        final BundleGuard guard; // null: nothing guards this call

        Target(ServiceEntry entry, long generation, BundleGuard guard) {
            this.entry = entry;
            this.generation = generation;
            this.guard = guard;
        }
    }

    private static final class Key {
        final Class<?> spi;
        final String bundle;
        final String version;

        Key(Class<?> spi, String bundle, String version) {
            this.spi = spi;
            this.bundle = bundle;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && spi == ((Key) o).spi && bundle.equals(((Key) o).bundle) && version.equals(((Key) o).version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(spi, bundle, version);
        }
    }

    /**
     * @param registry the live services (for degradation bundles)
     * @param host the host class loader (Fault Tolerance is looked up through it)
     */
    public GuardedDispatcher(ServiceRegistry registry, ClassLoader host) {
        this.registry = registry;
        this.host = host;
        this.faultToleranceAvailable = FaultTolerance.isAvailable(host);
    }

    /** @return whether SmallRye Fault Tolerance is on the host's class path */
    public boolean faultToleranceAvailable() {
        return faultToleranceAvailable;
    }

    /** @return whether SmallRye Fault Tolerance is visible to {@code loader} */
    public static boolean isFaultToleranceAvailable(ClassLoader loader) {
        return FaultTolerance.isAvailable(loader);
    }

    /** Applies new guard settings from the next call on. Guards whose plan changed start afresh. */
    public synchronized void configure(Map<String, GuardSettings> bySpi, Map<String, GuardSettings> byBundle, boolean metricsEnabled) {
        Settings s = settings;
        settings = new Settings(Map.copyOf(bySpi), Map.copyOf(byBundle), metricsEnabled, s.faultToleranceReady, s.generation + 1);
    }

    /**
     * Lets guards use Fault Tolerance. The CDI glue calls this once the CDI container is up: SmallRye
     * Fault Tolerance looks up its implementation through CDI once per JVM, and a lookup before the
     * container runs would fail for good.
     */
    public synchronized void faultToleranceReady() {
        Settings s = settings;
        settings = new Settings(s.bySpi, s.byBundle, s.metricsEnabled, true, s.generation + 1);
    }

    /** Records calls from now on. */
    public synchronized void metrics(CallMetrics callMetrics) {
        metrics = Objects.requireNonNull(callMetrics, "callMetrics");
        Settings s = settings;
        settings = new Settings(s.bySpi, s.byBundle, s.metricsEnabled, s.faultToleranceReady, s.generation + 1);
    }

    /** Drops the guards of an uninstalled bundle version. */
    public void forget(String bundleId, String version) {
        fallbackMetrics.keySet().removeIf(k -> k.bundle.equals(bundleId) && k.version.equals(version));
        guards.entrySet().removeIf(e -> {
            if (e.getKey().bundle.equals(bundleId) && e.getKey().version.equals(version)) {
                e.getValue().close();
                return true;
            }
            return false;
        });
    }

    /** @return the breaker state of an SPI on a bundle version (0 closed, 1 open, 2 half-open), or -1 if it has no breaker yet */
    public int breakerState(Class<?> spi, String bundleId, String version) {
        BundleGuard g = guards.get(new Key(spi, bundleId, version));
        return g == null || !g.plan.breaker ? -1 : g.breakerState();
    }

    /** What the binding resolves to now, under the settings in force; cached on the binding. */
    private Target target(RouteBinding binding) {
        ServiceEntry entry = binding.resolve();
        Settings s = settings;
        Object attached = binding.attachment();
        Target target = attached instanceof Target ? (Target) attached : null;
        if (target == null || target.entry != entry || target.generation != s.generation) {
            target = new Target(entry, s.generation, guardFor(binding.spi(), entry, s));
            binding.attach(target);
        }
        return target;
    }

    /**
     * Resolves a binding and builds its guard now, so that the first call after a configuration change or
     * a version switch does not pay for it (building a Fault Tolerance guard takes milliseconds).
     */
    public void prepare(RouteBinding binding) {
        target(binding);
    }

    @Override
    public ServiceEntry enterPlain(RouteBinding binding) {
        while (true) {
            Target target = target(binding);
            if (target.guard != null || target.entry == null) {
                return null;
            }
            if (target.entry.tryEnter()) {
                return target.entry;
            }
        }
    }

    @Override
    public Object dispatch(RouteBinding binding, Method method, Object[] args) throws Throwable {
        while (true) {
            Target target = target(binding);
            ServiceEntry entry = target.entry;
            if (target.guard == null) {
                if (entry == null) {
                    throw binding.notFound();
                }
                if (!entry.tryEnter()) {
                    continue; // retired by a switch: route again
                }
                try {
                    return BundleCall.invoke(entry, method, args);
                } finally {
                    entry.exit();
                }
            }
            BundleGuard guard = target.guard;
            GuardPlan plan = guard.plan;
            if (plan.mockMode == MockMode.FORCE) {
                return degrade(binding, method, args, guard, DegradationReason.MOCK, plan.mockBundle, null, null);
            }
            if (entry == null) {
                return degrade(binding, method, args, guard, DegradationReason.NOT_FOUND, plan.degradation, null, binding.notFound());
            }
            if (plan.degradePercent > 0 && plan.degradation != null
                    && ThreadLocalRandom.current().nextInt(100) < plan.degradePercent) {
                return degrade(binding, method, args, guard, DegradationReason.THROTTLED, plan.degradation, entry, null);
            }
            if (!entry.tryEnter()) {
                continue;
            }
            Throwable failure;
            try {
                return guard.call(entry, method, args);
            } catch (Throwable t) {
                failure = t;
            } finally {
                entry.exit();
            }
            DegradationReason reason = reason(plan, failure);
            String to = plan.mockMode == MockMode.FAIL ? plan.mockBundle : plan.degradation;
            if (reason == null || to == null) {
                throw failure;
            }
            return degrade(binding, method, args, guard, plan.mockMode == MockMode.FAIL ? DegradationReason.MOCK : reason, to, entry, failure);
        }
    }

    private DegradationReason reason(GuardPlan plan, Throwable failure) {
        DegradationReason refusal = faultToleranceAvailable ? FaultTolerance.refusal(failure) : null;
        if (refusal != null) {
            return refusal;
        }
        return plan.degrades(failure) ? DegradationReason.EXCEPTION : null;
    }

    /**
     * Calls the same method with the same arguments on another bundle, unguarded.
     *
     * @param failure the error to raise if the other bundle is not live ({@code null}: a not-found error)
     */
    private Object degrade(RouteBinding binding, Method method, Object[] args, BundleGuard guard, DegradationReason reason,
            String toBundle, ServiceEntry primary, Throwable failure) throws Throwable {
        ServiceEntry fallback = null;
        if (toBundle != null) {
            while (true) {
                fallback = registry.snapshot().services(binding.spi()).byBundleId(toBundle);
                if (fallback == null || fallback.tryEnter()) {
                    break;
                }
            }
        }
        if (fallback == null) {
            throw failure != null ? failure : binding.notFound();
        }
        guard.metrics(method).degraded(reason);
        CallMetrics.MethodMetrics served = guard.plan.metrics ? fallbackMetrics(binding.spi(), fallback, method) : CallMetrics.MethodMetrics.NONE;
        long start = System.nanoTime();
        try {
            Object result = BundleCall.invoke(fallback, method, args);
            served.success(System.nanoTime() - start);
            return result;
        } catch (Throwable t) {
            served.failure(System.nanoTime() - start);
            throw t;
        } finally {
            fallback.exit();
        }
    }

    private CallMetrics.MethodMetrics fallbackMetrics(Class<?> spi, ServiceEntry fallback, Method method) {
        String version = fallback.bundle().version().toString();
        return fallbackMetrics.computeIfAbsent(new Key(spi, fallback.bundleId(), version), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(method, m -> metrics.method(spi.getName(), fallback.bundleId(), version, m.getName()));
    }

    private BundleGuard guardFor(Class<?> spi, ServiceEntry entry, Settings s) {
        GuardSettings spiSettings = s.bySpi.getOrDefault(spi.getName(), GuardSettings.NONE);
        String bundle = entry == null ? "" : entry.bundleId();
        String version = entry == null ? "" : entry.bundle().version().toString();
        GuardSettings bundleSettings = entry == null ? GuardSettings.NONE : s.byBundle.getOrDefault(bundle, GuardSettings.NONE);
        String declared = entry == null ? null : entry.bundle().degradationBundle().orElse(null);
        GuardPlan plan = GuardPlan.of(bundleSettings, spiSettings, declared, s.metricsEnabled && metrics != CallMetrics.NONE);
        if (plan.isNoop()) {
            return null;
        }
        if (plan.needsFaultTolerance() && (!faultToleranceAvailable || !s.faultToleranceReady) && !warnedNoFaultTolerance) {
            warnedNoFaultTolerance = true;
            LOG.log(Level.WARNING, "nbf: the guard of " + spi.getName() + " on " + bundle + " asks for a circuit breaker, timeout or rate limit, "
                    + (faultToleranceAvailable ? "but the CDI container has not started yet" : "but SmallRye Fault Tolerance is not on the class path")
                    + "; until it is, those are not applied (degradation, split and mock are)");
        }
        Key key = new Key(spi, bundle, version);
        boolean ftReady = faultToleranceAvailable && s.faultToleranceReady;
        CallMetrics m = metrics;
        return guards.compute(key, (k, existing) -> {
            if (existing != null && existing.plan.equals(plan) && (existing.hasFaultTolerance() || !ftReady || !plan.needsFaultTolerance())) {
                return existing;
            }
            if (existing != null) {
                existing.close();
            }
            return new BundleGuard(plan, spi.getName(), bundle, version, m, ftReady, host);
        });
    }
}
