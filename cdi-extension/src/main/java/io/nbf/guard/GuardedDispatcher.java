package io.nbf.guard;

import io.nbf.config.GuardSettings;
import io.nbf.config.ObservationSettings;
import io.nbf.dispatch.CallSite;
import io.nbf.dispatch.Dispatcher;
import io.nbf.dispatch.RouteTarget;
import io.nbf.messages.NbfLogger;
import io.nbf.metrics.CallMetrics;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.modules.registry.ServiceRegistry;
import io.nbf.trace.CallTracer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundle proxy's guard: routes a call, then hands it down the steps its bundle's plan needs
 * (see {@link GuardStep}):
 *
 * <ol>
 *   <li>mock {@code force:} sends the call to the mock bundle ({@link MockStep});</li>
 *   <li>no live bundle on the route: the call degrades ({@link NotFoundStep});</li>
 *   <li>the weighted split sends its share to the degradation bundle ({@link ThrottleStep});</li>
 *   <li>a refusal, a timeout, or an exception that degrades sends the same method with the same
 *       arguments to the degradation bundle or the {@code fail:} mock bundle ({@link DegradationStep});</li>
 *   <li>the call enters the bundle version, so that a switch drains it ({@link EnterStep});</li>
 *   <li>Fault Tolerance's circuit breaker, rate limit and timeout guard it ({@link FaultToleranceStep});</li>
 *   <li>the bundle is called, measured, and held to its baseline ({@link InvokeStep}).</li>
 * </ol>
 * Above them all, when calls are traced or the MDC names their bundle, {@link ObserveStep} wraps the call.
 * With no degradation bundle, or none live, the original error reaches the caller unchanged. A call no
 * setting guards and nothing observes (no metrics, no spans, no MDC; see {@link ObservationSettings}) takes
 * the plain path: the proxy enters the entry and calls it. Guards
 * are kept per SPI, bundle id and version: a new version starts with a closed breaker; one bundle's
 * failures never trip another's. Thread-safe.
 */
public final class GuardedDispatcher implements Dispatcher {

    private final boolean faultToleranceAvailable;
    private final GuardResources resources;
    private final FallbackMetrics fallbackMetrics = new FallbackMetrics();
    private final Map<Key, BundleGuard> guards = new ConcurrentHashMap<>();
    private volatile Settings settings = new Settings(Map.of(), Map.of(), ObservationSettings.DEFAULTS, false, 0);
    private volatile CallMetrics metrics = CallMetrics.NONE;
    private volatile CallTracer tracer = CallTracer.NONE;
    private volatile boolean warnedNoFaultTolerance;

    /** The guard settings in force, and a generation that changes with them. */
    private record Settings(Map<String, GuardSettings> bySpi, Map<String, GuardSettings> byBundle, ObservationSettings observation,
            boolean faultToleranceReady, long generation) {
    }

    private record Key(Class<?> spi, String bundle, String version) {
    }

    /**
     * @param registry the live services (for degradation bundles)
     * @param host the host class loader (Fault Tolerance is looked up through it)
     */
    public GuardedDispatcher(ServiceRegistry registry, ClassLoader host) {
        this.faultToleranceAvailable = FaultTolerance.isAvailable(host);
        this.resources = new GuardResources(registry, host, fallbackMetrics);
    }

    /** @return whether SmallRye Fault Tolerance is on the host's class path */
    public boolean faultToleranceAvailable() {
        return faultToleranceAvailable;
    }

    /** @return whether SmallRye Fault Tolerance is visible to {@code loader} */
    public static boolean isFaultToleranceAvailable(ClassLoader loader) {
        return FaultTolerance.isAvailable(loader);
    }

    @Override
    public CallSite bind(RouteTarget route) {
        return new GuardedSite(route, this);
    }

    /** Applies new guard settings from the next call on. Guards whose plan changed start afresh. */
    public synchronized void configure(Map<String, GuardSettings> bySpi, Map<String, GuardSettings> byBundle,
            ObservationSettings observation) {
        Settings s = settings;
        settings = new Settings(Map.copyOf(bySpi), Map.copyOf(byBundle), observation, s.faultToleranceReady, s.generation + 1);
    }

    /**
     * Lets guards use Fault Tolerance. The CDI glue calls this once the CDI container is up: SmallRye
     * Fault Tolerance looks up its implementation through CDI once per JVM, and a lookup before the
     * container runs would fail for good.
     */
    public synchronized void faultToleranceReady() {
        Settings s = settings;
        settings = new Settings(s.bySpi, s.byBundle, s.observation, true, s.generation + 1);
    }

    /** Records calls from now on (while {@code nbf.metrics.enabled}). */
    public synchronized void metrics(CallMetrics callMetrics) {
        metrics = Objects.requireNonNull(callMetrics, "callMetrics");
        fallbackMetrics.use(callMetrics);
        nextGeneration();
    }

    /** Traces calls from now on (while {@code nbf.tracing.enabled}). */
    public synchronized void tracer(CallTracer callTracer) {
        tracer = Objects.requireNonNull(callTracer, "callTracer");
        nextGeneration();
    }

    private void nextGeneration() {
        Settings s = settings;
        settings = new Settings(s.bySpi, s.byBundle, s.observation, s.faultToleranceReady, s.generation + 1);
    }

    /**
     * Drops the guards of an uninstalled bundle version, and lets the others' fallback routes resolve again, so that
     * nothing here keeps the version's class loader; the call sites' own caches are the caller's to refresh
     * ({@link CallSite#prepare()}).
     */
    public void forget(String bundleId, String version) {
        fallbackMetrics.forget(bundleId, version);
        guards.entrySet().removeIf(e -> {
            if (e.getKey().bundle.equals(bundleId) && e.getKey().version.equals(version)) {
                e.getValue().close();
                return true;
            }
            return false;
        });
        guards.values().forEach(BundleGuard::refreshFallbacks);
    }

    /** @return the breaker state of an SPI on a bundle version (0 closed, 1 open, 2 half-open), or -1 if it has no breaker yet */
    public int breakerState(Class<?> spi, String bundleId, String version) {
        BundleGuard g = guards.get(new Key(spi, bundleId, version));
        return g == null || !g.plan.breaker() ? -1 : g.breakerState();
    }

    /** @return the generation of the settings in force; call sites derive their guard again when it changes */
    long generation() {
        return settings.generation;
    }

    /**
     * @param entry the entry a route resolved to, or {@code null}
     * @return the guard of calls of {@code spi} on that entry under the settings in force, or {@code null} if nothing guards them
     */
    BundleGuard guardFor(Class<?> spi, ServiceEntry entry) {
        Settings s = settings;
        GuardSettings spiSettings = s.bySpi.getOrDefault(spi.getName(), GuardSettings.NONE);
        String bundle = entry == null ? "" : entry.bundleId();
        String version = entry == null ? "" : entry.bundle().version().toString();
        GuardSettings bundleSettings = entry == null ? GuardSettings.NONE : s.byBundle.getOrDefault(bundle, GuardSettings.NONE);
        String declared = entry == null ? null : entry.bundle().degradationBundle().orElse(null);
        Observers observers = new Observers(s.observation.metrics() ? metrics : CallMetrics.NONE,
                s.observation.tracing() ? tracer : CallTracer.NONE, s.observation.mdc());
        GuardPlan plan = GuardPlan.of(bundleSettings, spiSettings, declared, observers.any());
        if (plan.isNoop()) {
            return null;
        }
        boolean ftReady = faultToleranceAvailable && s.faultToleranceReady;
        if (plan.needsFaultTolerance() && !ftReady && !warnedNoFaultTolerance) {
            warnedNoFaultTolerance = true;
            NbfLogger.LOG.faultToleranceMissing(spi.getName(), bundle, faultToleranceAvailable
                    ? "the CDI container has not started yet" : "SmallRye Fault Tolerance is not on the class path");
        }
        return guards.compute(new Key(spi, bundle, version), (k, existing) -> {
            if (existing != null && existing.plan.equals(plan) && existing.observers.equals(observers)
                    && (existing.hasFaultTolerance() || !ftReady || !plan.needsFaultTolerance())) {
                return existing;
            }
            if (existing != null) {
                existing.close();
            }
            return new BundleGuard(plan, spi, bundle, version, observers, ftReady, resources);
        });
    }
}
