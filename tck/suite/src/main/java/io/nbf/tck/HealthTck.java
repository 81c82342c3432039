package io.nbf.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbf.tck.porting.HealthReader.Kind;
import io.nbf.tck.porting.Porting;
import io.nbf.tck.spi.Signals;
import io.nbf.tck.support.BundleArchives;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * nbf's MicroProfile Health checks as the host reports them (the runner's {@link io.nbf.tck.porting.HealthReader}):
 * startup UP once the bundle directory is deployed; readiness DOWN while a required bundle is failed or not live;
 * liveness untouched by bundles.
 */
public class HealthTck extends TckTest {

    @Deployment
    public static WebArchive deployment() {
        return deployment(HealthTck.class);
    }

    private static JsonObject report(Kind kind) {
        return Json.createReader(new StringReader(Porting.health().report(kind))).readObject();
    }

    private static JsonObject nbfCheck(Kind kind, String name) {
        JsonObject report = report(kind);
        return report.getJsonArray("checks").stream().map(JsonObject.class::cast).filter(c -> c.getString("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no check " + name + " in the " + kind + " report " + report));
    }

    @Test
    void startupIsUpAndReadinessListsTheBundles() {
        clean();
        deploy(BundleArchives.price("hema-fresh", "1.0"));
        assertThat(nbfCheck(Kind.STARTUP, "nbf-deployment").getString("status")).isEqualTo("UP");
        JsonObject ready = nbfCheck(Kind.READINESS, "nbf-bundles");
        assertThat(ready.getString("status")).isEqualTo("UP");
        assertThat(ready.getJsonObject("data").getString("hema-fresh:1.0")).isEqualTo("ACTIVE, live");
        assertThat(ready.getJsonObject("data").containsKey("unreclaimed")).isTrue();
    }

    @Test
    void readinessIsDownWhileARequiredBundleIsNotLiveAndLivenessIsUntouched() {
        clean();
        deploy(BundleArchives.price("hema-fresh", "1.0"));
        set("nbf.health.required-bundles", "hema-fresh,rt-mart");
        try {
            JsonObject ready = nbfCheck(Kind.READINESS, "nbf-bundles");
            assertThat(ready.getString("status")).isEqualTo("DOWN");
            assertThat(ready.getJsonObject("data").getString("problem")).contains("required bundle rt-mart is not installed");
            assertThat(report(Kind.LIVENESS).getJsonArray("checks").stream().map(JsonObject.class::cast)
                    .noneMatch(c -> c.getString("name").startsWith("nbf"))).as("no liveness check of nbf's").isTrue();

            deploy(BundleArchives.price("rt-mart", "1.0"));
            assertThat(nbfCheck(Kind.READINESS, "nbf-bundles").getString("status")).isEqualTo("UP");

            bundles.stop("rt-mart", "1.0");
            JsonObject stopped = nbfCheck(Kind.READINESS, "nbf-bundles");
            assertThat(stopped.getString("status")).isEqualTo("DOWN");
            assertThat(stopped.getJsonObject("data").getString("problem")).contains("required bundle rt-mart has no live version");
            Signals.reset();
        } finally {
            set("nbf.health.required-bundles", null);
        }
    }
}
