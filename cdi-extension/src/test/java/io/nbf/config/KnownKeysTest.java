package io.nbf.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A name under {@code nbf.} that is no nbf key is an error naming the nearest key; every known form passes. */
class KnownKeysTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nbf.bundles.dir", "nbf.bundles.scan-interval", "nbf.exports", "nbf.hook-timeout",
            "nbf.drain-timeout", "nbf.retained-versions", "nbf.work-dir", "nbf.config.refresh-interval", "nbf.metrics.enabled",
            "nbf.routes.\"com.acme.Spi\".pattern", "nbf.routes.\"com.acme.Spi\".type", "nbf.routes.com.acme.Spi.pattern",
            "nbf.guard.\"com.acme.Spi\".timeout", "nbf.guard.com.acme.Spi.timeout", "nbf.guard.com.acme.Spi.breaker.window",
            "nbf.guard.\"com.acme.Spi\".breaker.failure-ratio", "nbf.bundle.\"hema\".degradation", "nbf.bundle.hema.mock",
            "nbf.bundle.hema-fresh.rate-limit.window", "nbf.bundle.\"a.b\".throttle.degrade-percent",
            "NBF_BUNDLES_DIR", "quarkus.http.port", "nbfx.anything"})
    void knownKeysAndOtherNamesPass(String name) {
        assertThatCode(() -> KnownKeys.check(List.of(name))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "nbf.bundle.\"hema\".timout|nbf.bundle.\"hema\".timeout",
        "nbf.guard.com.acme.Spi.timout|nbf.guard.com.acme.Spi.timeout",
        "nbf.guard.com.acme.Spi.breaker.windw|nbf.guard.com.acme.Spi.breaker.window",
        "nbf.routes.\"com.acme.Spi\".patern|nbf.routes.\"com.acme.Spi\".pattern",
        "nbf.gaurd.\"com.acme.Spi\".timeout|nbf.guard.\"com.acme.Spi\".timeout",
        "nbf.bundles.dirr|nbf.bundles.dir",
        "nbf.metrics.enable|nbf.metrics.enabled",
        "nbf.hook-timeot|nbf.hook-timeout",
        "nbf.guard.\"com.acme.Spi\"|nbf.guard.\"com.acme.Spi\".mock",
        "nbf.bundle.\"\".timeout|nbf.bundle.\"\".timeout"})
    void anUnknownKeyNamesTheNearestKnownOne(String name, String nearest) {
        if (!name.equals(nearest)) {
            assertThat(KnownKeys.nearest(name)).isEqualTo(nearest);
        }
        assertThatThrownBy(() -> KnownKeys.check(List.of("nbf.exports", name, "other.key")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name + " is not an nbf key; did you mean ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nbf.guard.timeout", "nbf.guard.breaker.window", "nbf.routes.pattern", "nbf.bundle..timeout"})
    void aGuardOrRouteKeyWithoutANameIsUnknown(String name) {
        assertThat(KnownKeys.isKnown(name)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void everyUnknownKeyIsNamed() {
        assertThatThrownBy(() -> KnownKeys.check(List.of("nbf.exportz", "nbf.bundle.\"hema\".timout")))
                .hasMessage("nbf.bundle.\"hema\".timout is not an nbf key; did you mean nbf.bundle.\"hema\".timeout?; "
                        + "nbf.exportz is not an nbf key; did you mean nbf.exports?");
    }
}
