package io.nbf.cdi;

import io.nbf.messages.NbfMessages;
import io.nbf.api.BundleBroker;
import io.nbf.api.DynamicInject;
import io.nbf.api.DynamicInvoker;
import io.nbf.api.management.BundleEvent;
import io.nbf.api.management.BundleManager;
import io.nbf.api.management.RouteManager;
import io.nbf.config.NbfSettings;
import io.nbf.config.ObservationSettings;
import io.nbf.metrics.OpenTelemetryCallMetrics;
import io.nbf.runtime.NbfRuntime;
import io.nbf.trace.OpenTelemetryCallTracer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Runs nbf for the lifetime of the CDI container: builds the {@link NbfRuntime} when first needed,
 * deploys the bundle directory once the application context is up, and uninstalls every bundle before
 * the application context goes down. Fires every {@link BundleEvent} as a CDI event.
 *
 * <p>Added to the deployment by either extension form; not meant to be used directly.
 */
@ApplicationScoped
public class NbfContainer {

    @Inject
    BeanManager beanManager;

    @Inject
    Instance<DeploymentInfo> deploymentInfo;

    @Inject
    Event<BundleEvent> bundleEvents;

    private volatile NbfRuntime runtime;
    private boolean started;

    /**
     * Builds the runtime when first needed, not when the container creates this bean: Quarkus creates
     * it to deliver {@code @Initialized(ApplicationScoped.class)}, which it fires during static
     * initialization, before the runtime configuration (e.g. config sources found through the
     * ServiceLoader) exists.
     */
    private NbfRuntime create() {
        NbfRuntime existing = runtime;
        if (existing != null) {
            return existing;
        }
        synchronized (this) {
            if (runtime == null) {
                runtime = build();
            }
            return runtime;
        }
    }

    private NbfRuntime build() {
        ClassLoader host = hostClassLoader();
        NbfSettings settings = NbfSettings.read(ConfigProvider.getConfig(host));
        List<Class<?>> spis = new ArrayList<>();
        Set<String> exports = new LinkedHashSet<>();
        exports.add("jakarta.inject");
        for (String name : deploymentInfo.get().spiNames()) {
            try {
                Class<?> spi = Class.forName(name, false, host);
                spis.add(spi);
                exports.add(spi.getPackageName());
            } catch (ClassNotFoundException e) {
                throw NbfMessages.MSG.spiNotVisible(name, host, e);
            }
        }
        NbfRuntime created = new NbfRuntime(settings, () -> ConfigProvider.getConfig(host), host, exports,
                new CdiInstanceInjector(beanManager, this::valueFor, host));
        created.registerSpis(spis);
        created.manager().addListener(bundleEvents::fire);
        return created;
    }

    /**
     * Deploys the bundle directory once the application is up, so bundles may use any host bean; first
     * lets the guard use Fault Tolerance (which needs the container running) and find OpenTelemetry.
     * Weld fires this event with the container running. Quarkus fires it during static initialization,
     * before {@code CDI.current()} works and before the runtime configuration exists; there the build
     * compatible extension starts nbf on CDI 4.1's {@code Startup} event instead (an observer it adds
     * only where that event exists: WildFly 39 has CDI 4.0).
     */
    void initialized(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (cdiRunning()) {
            start();
        }
    }

    /** Starts nbf, once: the bundle directory, the watchers, Fault Tolerance, metrics and spans. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        NbfRuntime runtime = create();
        if (runtime.guards().faultToleranceAvailable()) {
            runtime.faultToleranceReady();
        }
        useOpenTelemetry(runtime);
        runtime.start();
    }

    /**
     * Records and traces calls with the host's OpenTelemetry, if it has one: metrics unless its meter provider
     * is the no-op one, spans unless its tracer provider is, or the SDK is disabled ({@code otel.sdk.disabled=true},
     * where a tracer would still build spans that go nowhere). The nbf keys ({@link ObservationSettings}) switch
     * either off at runtime.
     */
    private void useOpenTelemetry(NbfRuntime runtime) {
        if (!OpenTelemetryCallMetrics.isAvailable(hostClassLoader())) {
            return;
        }
        Bean<?> holderBean = beanManager.resolve(beanManager.getBeans(OpenTelemetryHolder.class));
        if (holderBean == null) {
            return;
        }
        CreationalContext<?> context = beanManager.createCreationalContext(holderBean);
        try {
            OpenTelemetryHolder holder = (OpenTelemetryHolder) beanManager.getReference(holderBean, OpenTelemetryHolder.class, context);
            if (!holder.present()) {
                return;
            }
            String implementationVersion = NbfContainer.class.getPackage().getImplementationVersion();
            String version = implementationVersion == null ? "unknown" : implementationVersion; // a JAR without a manifest entry
            Object meters = holder.meterProvider();
            if (OpenTelemetryCallMetrics.records(meters)) {
                runtime.metrics(new OpenTelemetryCallMetrics(meters, version));
            }
            Object tracers = holder.tracerProvider();
            boolean sdkDisabled = ConfigProvider.getConfig(hostClassLoader()).getOptionalValue("otel.sdk.disabled", Boolean.class)
                    .orElse(false);
            if (OpenTelemetryCallTracer.traces(tracers) && !sdkDisabled) {
                runtime.tracer(new OpenTelemetryCallTracer(tracers, OpenTelemetryCallMetrics.SCOPE, version));
            }
        } finally {
            context.release();
        }
    }

    private static boolean cdiRunning() {
        try {
            CDI.current();
            return true;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** Stops bundles while host beans still exist: their stop hooks may use them. */
    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        destroy();
    }

    @PreDestroy
    synchronized void destroy() {
        if (runtime != null) {
            runtime.close();
        }
    }

    /** @return the runtime */
    public NbfRuntime runtime() {
        return create();
    }

    @Produces
    @Dependent
    BundleBroker broker() {
        return runtime().broker();
    }

    @Produces
    @Dependent
    BundleManager manager() {
        return runtime().manager();
    }

    @Produces
    @Dependent
    RouteManager routeManager() {
        return runtime().routes();
    }

    /** The value of a {@code @DynamicInject} injection point: a routing proxy, or an invoker. */
    Object valueFor(Type type, DynamicInject annotation) {
        if (type instanceof ParameterizedType && ((ParameterizedType) type).getRawType() == DynamicInvoker.class) {
            return runtime().invoker((Class<?>) ((ParameterizedType) type).getActualTypeArguments()[0]);
        }
        return runtime().proxy((Class<?>) type, InjectionTargets.route(annotation));
    }

    /** The value of a bean's {@code @DynamicInject} injection point. */
    Object valueFor(InjectionPoint ip) {
        return valueFor(ip.getType(), qualifier(ip.getQualifiers()));
    }

    static DynamicInject qualifier(Set<Annotation> qualifiers) {
        for (Annotation a : qualifiers) {
            if (a instanceof DynamicInject) {
                return (DynamicInject) a;
            }
        }
        throw new IllegalArgumentException("no @DynamicInject among " + qualifiers);
    }

    private static ClassLoader hostClassLoader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : NbfContainer.class.getClassLoader();
    }
}
