package io.nbf.cdi.testing;

import io.nbf.cdi.NbfExtension;
import io.nbf.tck.config.TckConfigSource;
import io.nbf.tck.otel.InMemoryTelemetry;
import io.nbf.tck.otel.OpenTelemetryConfigFromMicroProfile;
import java.nio.file.Path;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** Boots Weld SE for a test: the given beans, nbf (portable or build compatible), a bundle directory. */
public final class NbfWeld {

    private NbfWeld() {
    }

    /** Weld with the portable extension, discovery off, bundles from {@code bundles}, fast refresh. */
    public static Weld weld(Path bundles, Class<?>... beans) {
        configure(bundles);
        return new Weld().disableDiscovery().addBeanClasses(beans).addExtension(new NbfExtension());
    }

    /**
     * Weld without the portable extension, running nbf's build compatible extension instead, as Quarkus
     * would (see {@link UnskippedBuildCompatibleExtension} for why it is registered by hand).
     */
    @SuppressWarnings("unchecked") // Weld's varargs of Class<? extends BuildCompatibleExtension>
    public static Weld weldWithBuildCompatibleExtension(Path bundles, Class<?>... beans) {
        configure(bundles);
        return new Weld().disableDiscovery().addBeanClasses(beans)
                .addBuildCompatibleExtensions(UnskippedBuildCompatibleExtension.class);
    }

    /**
     * Weld with nbf and SmallRye Fault Tolerance, as a guarded host has them, the Weld SE stack's OpenTelemetry
     * (smallrye-opentelemetry-cdi over the SDK). With {@code telemetry} the SDK records into
     * {@link InMemoryTelemetry}; without, it is disabled ({@code otel.sdk.disabled=true}, MicroProfile Telemetry's
     * default, as on WildFly). The OpenTelemetry producer is there either way: SmallRye Fault Tolerance records its
     * own metrics with OpenTelemetry whenever the API is on the class path, and then needs its Meter bean.
     */
    public static Weld weldGuarded(Path bundles, boolean telemetry, Class<?>... beans) {
        if (telemetry) {
            InMemoryTelemetry.CONFIG.forEach(TckConfigSource::set);
        } else {
            TckConfigSource.set("otel.sdk.disabled", "true");
        }
        return weld(bundles, beans)
                .addExtension(new io.smallrye.config.inject.ConfigExtension())
                .addExtension(new io.smallrye.faulttolerance.FaultToleranceExtension())
                .addExtension(new io.smallrye.opentelemetry.implementation.cdi.OpenTelemetryExtension())
                .addBeanClasses(OpenTelemetryConfigFromMicroProfile.class);
    }

    public static WeldContainer start(Path bundles, Class<?>... beans) {
        return weld(bundles, beans).initialize();
    }

    /**
     * This test's bundle directory and faster timings, in the TCK's config source; {@code nbf.exports} stays as
     * the test set it, by default the TCK's {@code io.nbf.tck.spi} (Signals, Clock).
     */
    private static void configure(Path bundles) {
        TckConfigSource.set("nbf.bundles.dir", bundles.toString());
        TckConfigSource.set("nbf.bundles.scan-interval", "50ms");
        TckConfigSource.set("nbf.config.refresh-interval", "100ms");
        TckConfigSource.set("nbf.hook-timeout", "5s");
    }
}
