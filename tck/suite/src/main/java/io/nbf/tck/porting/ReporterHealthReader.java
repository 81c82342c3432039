package io.nbf.tck.porting;

import jakarta.enterprise.inject.spi.CDI;
import java.lang.reflect.InvocationTargetException;

/**
 * Reads the health report from SmallRye Health's {@code SmallRyeHealthReporter} bean, which Weld SE
 * applications and Quarkus (quarkus-smallrye-health) have; touched only by reflection, so the suite
 * loads where SmallRye Health is not visible to the application (WildFly).
 */
public final class ReporterHealthReader implements HealthReader {

    @Override
    public String report(Kind kind) {
        try {
            Class<?> reporterType = Class.forName("io.smallrye.health.SmallRyeHealthReporter", true,
                    Thread.currentThread().getContextClassLoader());
            Object reporter = CDI.current().select(reporterType).get();
            String method = switch (kind) {
                case STARTUP -> "getStartup";
                case READINESS -> "getReadiness";
                case LIVENESS -> "getLiveness";
            };
            Object health = reporterType.getMethod(method).invoke(reporter);
            return health.getClass().getMethod("getPayload").invoke(health).toString();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no SmallRye Health in this container: its runner must provide a "
                    + HealthReader.class.getName() + " through META-INF/services", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the health reporter failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("unexpected SmallRye Health reporter API", e);
        }
    }
}
