package io.nbf.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How nbf reads a duration key: a number with its unit, ISO-8601, or 0; a bare number or garbage is refused naming the key. */
class DurationsTest {

    private static final String KEY = "nbf.bundle.\"hema\".timeout";

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "100ms, PT0.1S",
        "5s,    PT5S",
        "2m,    PT2M",
        "1h,    PT1H",
        "0ms,   PT0S",
        "1500ms, PT1.5S",
        "90s,   PT1M30S",
    })
    void aNumberWithItsUnit(String text, String expected) {
        assertThat(Durations.parse(KEY, text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "PT5S,     PT5S",
        "PT0.5S,   PT0.5S",
        "PT1M30S,  PT1M30S",
        "P1D,      PT24H",
        "PT0S,     PT0S",
        "pt5s,     PT5S",
    })
    void iso8601(String text, String expected) {
        assertThat(Durations.parse(KEY, text)).isEqualTo(Duration.parse(expected));
    }

    @Test
    void whitespaceAroundAndBeforeTheUnitAndAnyCase() {
        assertThat(Durations.parse(KEY, "  5s\t")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse(KEY, "5 s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse(KEY, "100MS")).isEqualTo(Duration.ofMillis(100));
        assertThat(Durations.parse(KEY, "2M")).as("minutes, never months").isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse(KEY, "1H")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse(KEY, " PT5S ")).isEqualTo(Duration.ofSeconds(5));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"0", "00", " 0 "})
    void zeroNeedsNoUnit(String text) {
        assertThat(Durations.parse(KEY, text)).isZero();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"100", "1", "5000", " 50 ", "007"})
    void aBareNumberOtherThanZeroIsRefusedSayingHowToWriteIt(String text) {
        assertThatThrownBy(() -> Durations.parse(KEY, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(KEY)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("100ms")
                .hasMessageContaining("5s");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"-5s", "-1", "PT-5S", "-PT5S", "fast", "", "  ", "1.5s", "5 seconds", "5d", "s", "ms100", "PT"})
    void negativeOrGarbageIsRefusedNamingTheKey(String text) {
        assertThatThrownBy(() -> Durations.parse(KEY, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(KEY + ": '" + text + "' is not a duration")
                .hasMessageContaining("100ms");
    }

    @Test
    void theKeyInTheMessageIsTheOneGiven() {
        assertThatThrownBy(() -> Durations.parse("nbf.hook-timeout", "soon"))
                .hasMessageContaining("nbf.hook-timeout: 'soon' is not a duration; write e.g. 100ms, 5s, 2m or PT5S");
    }
}
