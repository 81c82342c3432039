package io.nbf.modules.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One condition of a rule against one attribute value, as the registry's index decides it: the condition's
 * token among the value's tokens.
 */
class AttributeMatchTest {

    private static final AttributeMatch WAREHOUSE_2001 = AttributeMatch.number("wareHouseId", new BigDecimal("2001"));

    private static boolean matches(AttributeMatch condition, String attributeValue) {
        return List.of(AttributeMatch.tokens(attributeValue)).contains(condition.token());
    }

    @ParameterizedTest(name = "2001 matches [{0}]")
    @ValueSource(strings = {"2001", "2001.0", "2001.000", "+2001", "2.001e3", "2.001E3", "20010e-1", "2001e0", " 2001 "})
    void aNumberMatchesEveryDecimalFormOfItsValue(String attribute) {
        assertThat(matches(WAREHOUSE_2001, attribute)).isTrue();
    }

    @ParameterizedTest(name = "2001 does not match [{0}]")
    @ValueSource(strings = {"2002", "2001.5", "-2001", "0x7D1", "2,001", "2001L", "2001 m", "", "two thousand and one"})
    void aNumberMatchesNoOtherValueAndNoOtherText(String attribute) {
        assertThat(matches(WAREHOUSE_2001, attribute)).isFalse();
    }

    @Test
    void zeroAndNegativeNumbers() {
        AttributeMatch zero = AttributeMatch.number("n", BigDecimal.ZERO);
        assertThat(List.of("0", "0.0", "-0", "0e5", "0.000")).allMatch(v -> matches(zero, v));
        AttributeMatch negative = AttributeMatch.number("n", new BigDecimal("-1.5"));
        assertThat(List.of("-1.5", "-1.50", "-15e-1")).allMatch(v -> matches(negative, v));
        assertThat(matches(negative, "1.5")).isFalse();
    }

    @Test
    void javaNumbersOfEveryTypeAreNumbers() {
        assertThat(AttributeMatch.of("wareHouseId", 2001)).isEqualTo(WAREHOUSE_2001);
        assertThat(AttributeMatch.of("wareHouseId", 2001L)).isEqualTo(WAREHOUSE_2001);
        assertThat(AttributeMatch.of("wareHouseId", (short) 2001)).isEqualTo(WAREHOUSE_2001);
        assertThat(AttributeMatch.of("wareHouseId", 2001.0)).isEqualTo(WAREHOUSE_2001);
        assertThat(AttributeMatch.of("wareHouseId", 2001.0f)).isEqualTo(WAREHOUSE_2001);
        assertThat(AttributeMatch.of("wareHouseId", BigInteger.valueOf(2001))).isEqualTo(WAREHOUSE_2001);
        assertThat(AttributeMatch.of("wareHouseId", new BigDecimal("2001.00"))).isEqualTo(WAREHOUSE_2001);
        assertThat(matches(AttributeMatch.of("ratio", 0.5), "0.50")).isTrue();
    }

    @ParameterizedTest(name = "true matches [{0}]")
    @ValueSource(strings = {"true", "TRUE", "True", "tRuE", " true "})
    void aBooleanMatchesInAnyCase(String attribute) {
        assertThat(matches(AttributeMatch.bool("fresh", true), attribute)).isTrue();
        assertThat(matches(AttributeMatch.bool("fresh", false), attribute)).isFalse();
    }

    @Test
    void aBooleanMatchesNothingElse() {
        AttributeMatch fresh = AttributeMatch.bool("fresh", true);
        assertThat(List.of("yes", "1", "on", "t", "truee", "")).noneMatch(v -> matches(fresh, v));
        assertThat(matches(AttributeMatch.bool("fresh", false), "False")).isTrue();
        assertThat(AttributeMatch.of("fresh", Boolean.TRUE)).isEqualTo(fresh);
    }

    @Test
    void aStringMatchesTheTextExactly() {
        AttributeMatch hema = AttributeMatch.string("merchant", "hema");
        assertThat(matches(hema, "hema")).isTrue();
        assertThat(List.of("Hema", "HEMA", "hema ", " hema", "hema-fresh", "")).noneMatch(v -> matches(hema, v));
        AttributeMatch digits = AttributeMatch.string("wareHouseId", "2001");
        assertThat(matches(digits, "2001")).isTrue();
        assertThat(matches(digits, "2001.0")).as("a string is text, not a number").isFalse();
        AttributeMatch word = AttributeMatch.string("fresh", "true");
        assertThat(matches(word, "true")).isTrue();
        assertThat(matches(word, "TRUE")).as("a string is text, not a boolean").isFalse();
        assertThat(matches(AttributeMatch.string("note", ""), "")).isTrue();
    }

    @Test
    void otherJavaValuesAreTheirText() {
        assertThat(AttributeMatch.of("merchant", "hema")).isEqualTo(AttributeMatch.string("merchant", "hema"));
        assertThat(AttributeMatch.of("merchant", new StringBuilder("hema"))).isEqualTo(AttributeMatch.string("merchant", "hema"));
        assertThat(AttributeMatch.of("wareHouseId", "2001")).as("a Java string stays a string").isEqualTo(AttributeMatch.string("wareHouseId", "2001"))
                .isNotEqualTo(WAREHOUSE_2001);
        assertThat(AttributeMatch.of("unit", java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(AttributeMatch.string("unit", "SECONDS"));
    }

    @Test
    void equalityIsKeyAndValue() {
        assertThat(WAREHOUSE_2001).isEqualTo(AttributeMatch.number("wareHouseId", new BigDecimal("2.001E+3")))
                .hasSameHashCodeAs(AttributeMatch.number("wareHouseId", new BigDecimal("2.001E+3")));
        assertThat(WAREHOUSE_2001).isNotEqualTo(AttributeMatch.number("warehouseId", new BigDecimal("2001")))
                .isNotEqualTo(AttributeMatch.string("wareHouseId", "2001"))
                .isNotEqualTo(AttributeMatch.number("wareHouseId", new BigDecimal("2002")));
        assertThat(AttributeMatch.bool("fresh", true)).isNotEqualTo(AttributeMatch.string("fresh", "true"))
                .isNotEqualTo(AttributeMatch.bool("fresh", false));
        assertThat(WAREHOUSE_2001.key()).isEqualTo("wareHouseId");
    }

    @Test
    void toStringIsTheJsonMember() {
        assertThat(AttributeMatch.string("merchant", "hema")).hasToString("\"merchant\":\"hema\"");
        assertThat(WAREHOUSE_2001).hasToString("\"wareHouseId\":2001");
        assertThat(AttributeMatch.number("w", new BigDecimal("2001.0"))).as("as written").hasToString("\"w\":2001.0");
        assertThat(AttributeMatch.bool("fresh", false)).hasToString("\"fresh\":false");
    }

    @Test
    void nullsAreRefused() {
        assertThatThrownBy(() -> AttributeMatch.of("merchant", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("value of merchant");
        assertThatThrownBy(() -> AttributeMatch.string(null, "hema")).isInstanceOf(NullPointerException.class).hasMessage("key");
    }
}
