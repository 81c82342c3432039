package io.nbf.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guard keys of one SPI or bundle, read through {@link GuardSettings.Source}: no container, no configuration. */
class GuardSettingsTest {

    /** Where the keys below live; the source answers the whole key, which the messages name. */
    private static final String PREFIX = "nbf.bundle.\"hema\".";

    private static GuardSettings.Source source(Map<String, String> values) {
        return key -> values.containsKey(key) ? new String[] {PREFIX + key, values.get(key)} : null;
    }

    private static GuardSettings read(String... keysAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return GuardSettings.read(source(values));
    }

    @Test
    void nothingSetIsNone() {
        GuardSettings s = GuardSettings.read(key -> null);
        assertThat(s).isSameAs(GuardSettings.NONE);
        assertThat(s.isEmpty()).isTrue();
        assertThat(s.needsFaultTolerance()).isFalse();
        assertThat(s).hasToString("{}");
    }

    @Test
    void theSourceIsAskedForEveryKeyAndNothingElse() {
        List<String> asked = new ArrayList<>();
        GuardSettings.read(key -> {
            asked.add(key);
            return null;
        });
        assertThat(asked).containsExactlyInAnyOrderElementsOf(GuardSettings.KEYS);
    }

    @Test
    void everyKeyIsParsed() {
        GuardSettings s = read(
                "degradation", "rt-mart",
                "degrade-on", "java.io.IOException, java.util.concurrent.TimeoutException",
                "skip-on", "com.acme.OutOfStock",
                "timeout", "200ms",
                "baseline", "100ms",
                "breaker", "true",
                "breaker.window", "20",
                "breaker.failure-ratio", "0.5",
                "breaker.delay", "5s",
                "breaker.success-threshold", "3",
                "throttle.degrade-percent", "20",
                "rate-limit", "1000",
                "rate-limit.window", "1s",
                "mock", "force:mock-bundle");
        assertThat(s.degradation()).isEqualTo("rt-mart");
        assertThat(s.degradeOn()).containsExactly("java.io.IOException", "java.util.concurrent.TimeoutException");
        assertThat(s.skipOn()).containsExactly("com.acme.OutOfStock");
        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(s.baseline()).isEqualTo(Duration.ofMillis(100));
        assertThat(s.breaker()).isTrue();
        assertThat(s.breakerWindow()).isEqualTo(20);
        assertThat(s.breakerFailureRatio()).isEqualTo(0.5);
        assertThat(s.breakerDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.breakerSuccessThreshold()).isEqualTo(3);
        assertThat(s.degradePercent()).isEqualTo(20);
        assertThat(s.rateLimit()).isEqualTo(1000);
        assertThat(s.rateLimitWindow()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.mockMode()).isEqualTo(MockMode.FORCE);
        assertThat(s.mockBundle()).isEqualTo("mock-bundle");
        assertThat(s.isEmpty()).isFalse();
        assertThat(s.needsFaultTolerance()).isTrue();
    }

    @Test
    void valuesAreTrimmedAndWordsReadInAnyCase() {
        GuardSettings s = read("degradation", " rt-mart ", "timeout", " 2s ", "breaker", "FALSE", "breaker.window", " 4 ",
                "skip-on", " a.B ,, c.D ", "mock", " Fail : mock-hema ");
        assertThat(s.degradation()).isEqualTo("rt-mart");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.breaker()).isFalse();
        assertThat(s.breakerWindow()).isEqualTo(4);
        assertThat(s.skipOn()).as("empty names between commas are skipped").containsExactly("a.B", "c.D");
        assertThat(s.mockMode()).isEqualTo(MockMode.FAIL);
        assertThat(s.mockBundle()).isEqualTo("mock-hema");
    }

    @Test
    void theBoundsOfEachNumberAreAccepted() {
        GuardSettings low = read("breaker.window", "1", "breaker.failure-ratio", "0.01", "breaker.success-threshold", "1",
                "throttle.degrade-percent", "0", "rate-limit", "1");
        assertThat(List.of(low.breakerWindow(), low.breakerSuccessThreshold(), low.degradePercent(), low.rateLimit()))
                .containsExactly(1, 1, 0, 1);
        assertThat(low.breakerFailureRatio()).isEqualTo(0.01);
        GuardSettings high = read("breaker.window", "100000", "breaker.failure-ratio", "1", "breaker.success-threshold", "10000",
                "throttle.degrade-percent", "100", "rate-limit", String.valueOf(Integer.MAX_VALUE));
        assertThat(List.of(high.breakerWindow(), high.breakerSuccessThreshold(), high.degradePercent(), high.rateLimit()))
                .containsExactly(100_000, 10_000, 100, Integer.MAX_VALUE);
        assertThat(high.breakerFailureRatio()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "degradation               | rt mart          | 'rt mart' is not a bundle id",
        "degradation               | -rt              | '-rt' is not a bundle id",
        "degrade-on                | not a class      | 'not a class' is not a class name",
        "degrade-on                | \" , \"          | names no exception class",
        "skip-on                   | 1abc             | '1abc' is not a class name",
        "timeout                   | fast             | 'fast' is not a duration",
        "timeout                   | 200              | '200' has no unit",
        "timeout                   | 0                | must be more than zero",
        "baseline                  | -1s              | '-1s' is not a duration",
        "baseline                  | 0ms              | must be more than zero",
        "breaker                   | yes              | 'yes' is not true or false",
        "breaker.window            | 0                | '0' is not a whole number from 1 to 100000",
        "breaker.window            | 100001           | '100001' is not a whole number from 1 to 100000",
        "breaker.window            | ten              | 'ten' is not a whole number from 1 to 100000",
        "breaker.failure-ratio     | 0                | '0' is not a ratio above 0 and at most 1",
        "breaker.failure-ratio     | 1.5              | '1.5' is not a ratio above 0 and at most 1",
        "breaker.failure-ratio     | half             | 'half' is not a ratio above 0 and at most 1",
        "breaker.delay             | 5                | '5' has no unit",
        "breaker.delay             | PT0S             | must be more than zero",
        "breaker.success-threshold | 0                | '0' is not a whole number from 1 to 10000",
        "throttle.degrade-percent  | 101              | '101' is not a whole number from 0 to 100",
        "throttle.degrade-percent  | -1               | '-1' is not a whole number from 0 to 100",
        "throttle.degrade-percent  | 20%              | '20%' is not a whole number from 0 to 100",
        "rate-limit                | 0                | '0' is not a whole number from 1 to 2147483647",
        "rate-limit                | 2147483648       | '2147483648' is not a whole number from 1 to 2147483647",
        "rate-limit.window         | 1                | '1' has no unit",
        "mock                      | always:mock-hema | 'always:mock-hema' is not a mock route; write force:<bundle-id> or fail:<bundle-id>",
        "mock                      | force            | 'force' is not a mock route",
        "mock                      | force:           | '' is not a bundle id",
        "mock                      | fail:mock hema   | 'mock hema' is not a bundle id",
    })
    void anInvalidValueIsRejectedNamingItsKey(String key, String value, String problem) {
        assertThatThrownBy(() -> read(key, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(PREFIX + key + ": ")
                .hasMessageContaining(problem);
    }

    @Test
    void anInvalidValueIsRejectedAmongValidOnes() {
        assertThatThrownBy(() -> read("degradation", "rt-mart", "timeout", "200ms", "breaker.window", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(PREFIX + "breaker.window: '0'");
    }

    @Test
    void mockForceAndFail() {
        GuardSettings force = read("mock", "force:mock-a");
        assertThat(force.mockMode()).isEqualTo(MockMode.FORCE);
        assertThat(force.mockBundle()).isEqualTo("mock-a");
        GuardSettings fail = read("mock", "FAIL:mock-b");
        assertThat(fail.mockMode()).isEqualTo(MockMode.FAIL);
        assertThat(fail.mockBundle()).isEqualTo("mock-b");
        assertThat(force.needsFaultTolerance()).as("mock routing alone needs no Fault Tolerance").isFalse();
    }

    @Test
    void orElseTakesEachUnsetComponentFromTheFallback() {
        GuardSettings bundle = read("degradation", "sams", "timeout", "1s", "degrade-on", "java.io.IOException");
        GuardSettings spi = read("degradation", "rt-mart", "baseline", "100ms", "degrade-on", "java.lang.RuntimeException, a.B",
                "breaker.window", "10", "mock", "force:mock-spi");
        GuardSettings s = bundle.orElse(spi);
        assertThat(s.degradation()).as("the bundle's key wins").isEqualTo("sams");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.degradeOn()).as("a list wins as a whole, not merged").containsExactly("java.io.IOException");
        assertThat(s.baseline()).as("unset: the SPI's").isEqualTo(Duration.ofMillis(100));
        assertThat(s.breakerWindow()).isEqualTo(10);
        assertThat(s.mockMode()).isEqualTo(MockMode.FORCE);
        assertThat(s.mockBundle()).isEqualTo("mock-spi");
        assertThat(s.skipOn()).as("set nowhere").isNull();

        assertThat(spi.orElse(bundle).degradation()).isEqualTo("rt-mart");
        assertThat(GuardSettings.NONE.orElse(spi)).isEqualTo(spi);
        assertThat(spi.orElse(GuardSettings.NONE)).isEqualTo(spi);
        assertThat(GuardSettings.NONE.orElse(GuardSettings.NONE).isEmpty()).isTrue();
    }

    @Test
    void theMockRouteIsTakenAsAWhole() {
        GuardSettings bundle = read("mock", "fail:mock-bundle");
        GuardSettings spi = read("mock", "force:mock-spi");
        GuardSettings s = bundle.orElse(spi);
        assertThat(s.mockMode()).isEqualTo(MockMode.FAIL);
        assertThat(s.mockBundle()).as("never the SPI's bundle with the bundle's mode").isEqualTo("mock-bundle");
    }

    @Test
    void isEmptyOnlyWhenNoKeyIsSet() {
        assertThat(new GuardSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                .isEmpty()).isTrue();
        assertThat(read("throttle.degrade-percent", "0").isEmpty()).as("0 is a value").isFalse();
        assertThat(read("breaker", "false").isEmpty()).isFalse();
        assertThat(read("degradation", "rt-mart").isEmpty()).isFalse();
    }

    @Test
    void needsFaultToleranceForABreakerABaselineATimeoutOrARateLimit() {
        assertThat(read("breaker", "true").needsFaultTolerance()).isTrue();
        assertThat(read("breaker", "false").needsFaultTolerance()).isFalse();
        assertThat(read("baseline", "100ms").needsFaultTolerance()).isTrue();
        assertThat(read("timeout", "1s").needsFaultTolerance()).isTrue();
        assertThat(read("rate-limit", "5").needsFaultTolerance()).isTrue();
        assertThat(read("breaker.delay", "1s").needsFaultTolerance()).isTrue();
        assertThat(read("degradation", "rt-mart", "throttle.degrade-percent", "20", "skip-on", "a.B").needsFaultTolerance())
                .as("degradation and the split alone").isFalse();
    }

    @Test
    void recordEqualityIsByValue() {
        GuardSettings a = read("degradation", "rt-mart", "timeout", "1s", "degrade-on", "a.B");
        GuardSettings b = read("degradation", "rt-mart", "timeout", "1000ms", "degrade-on", " a.B ");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(read("degradation", "rt-mart", "timeout", "2s", "degrade-on", "a.B"));
        assertThat(a).isNotEqualTo(a.withDegradation("sams"));
        assertThat(a.withDegradation("sams")).isEqualTo(read("degradation", "sams", "timeout", "1s", "degrade-on", "a.B"));
    }

    @Test
    void theListsStayAsRead() {
        List<String> names = new ArrayList<>(List.of("a.B"));
        GuardSettings s = new GuardSettings(null, names, names, null, null, null, null, null, null, null, null, null, null, null, null);
        names.add("c.D");
        assertThat(s.degradeOn()).containsExactly("a.B");
        assertThat(s.skipOn()).containsExactly("a.B");
        assertThatThrownBy(() -> s.degradeOn().add("e.F")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> read("skip-on", "a.B").skipOn().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringNamesTheKeysThatAreSet() {
        assertThat(read("degradation", "rt-mart", "breaker", "true", "breaker.window", "100"))
                .hasToString("{degradation=rt-mart, breaker=true, breaker.window=100}");
        assertThat(read("mock", "force:mock-a")).hasToString("{mock=FORCE, mock-bundle=mock-a}");
    }
}
