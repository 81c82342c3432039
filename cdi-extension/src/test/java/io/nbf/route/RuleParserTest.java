package io.nbf.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.modules.registry.AttributeMatch;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RULE patterns: JSON objects of strings, numbers and booleans, read with JSON-P (Parsson on this class path). */
class RuleParserTest {

    private static final String EXAMPLE = "write a JSON object such as {\"merchant\":\"hema\"}";

    @Test
    void aString() {
        assertThat(RuleParser.parse("{\"merchant\":\"hema\"}")).containsExactly(AttributeMatch.string("merchant", "hema"));
    }

    @Test
    void aNumberInAnyDecimalForm() {
        AttributeMatch n2001 = AttributeMatch.number("wareHouseId", new BigDecimal("2001"));
        assertThat(RuleParser.parse("{\"wareHouseId\":2001}")).containsExactly(n2001);
        assertThat(RuleParser.parse("{\"wareHouseId\":2001.0}")).containsExactly(n2001);
        assertThat(RuleParser.parse("{\"wareHouseId\":2.001e3}")).containsExactly(n2001);
        assertThat(RuleParser.parse("{\"t\":-1.5}")).containsExactly(AttributeMatch.number("t", new BigDecimal("-1.50")));
        assertThat(RuleParser.parse("{\"wareHouseId\":2001}")).as("a number is not the string of its digits")
                .doesNotContain(AttributeMatch.string("wareHouseId", "2001"));
    }

    @Test
    void booleans() {
        assertThat(RuleParser.parse("{\"fresh\":true}")).containsExactly(AttributeMatch.bool("fresh", true));
        assertThat(RuleParser.parse("{\"fresh\":false}")).containsExactly(AttributeMatch.bool("fresh", false));
        assertThat(RuleParser.parse("{\"fresh\":\"true\"}")).as("a string, not a boolean")
                .containsExactly(AttributeMatch.string("fresh", "true"));
    }

    @Test
    void severalMembersInTheirOrderWithWhitespace() {
        List<AttributeMatch> rule = RuleParser.parse(" {\n  \"merchant\" : \"hema\",\n  \"wareHouseId\" : 2001,\n  \"fresh\" : true\n} ");
        assertThat(rule).containsExactly(AttributeMatch.string("merchant", "hema"), AttributeMatch.number("wareHouseId", new BigDecimal(2001)),
                AttributeMatch.bool("fresh", true));
        assertThat(rule).extracting(Object::toString).containsExactly("\"merchant\":\"hema\"", "\"wareHouseId\":2001", "\"fresh\":true");
        assertThatThrownBy(() -> rule.add(AttributeMatch.bool("x", true))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void stringsKeepTheirTextAndEscapes() {
        assertThat(RuleParser.parse("{\"city\":\"Hang Zhou\",\"note\":\"a\\\"b\",\"empty\":\"\"}")).containsExactly(
                AttributeMatch.string("city", "Hang Zhou"), AttributeMatch.string("note", "a\"b"), AttributeMatch.string("empty", ""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "[\"hema\"] | array",
        "\"hema\"   | string",
        "2001       | number",
        "true       | true",
        "null       | null",
    })
    void anythingButAnObjectIsRejectedNamingThePattern(String pattern, String type) {
        assertThatThrownBy(() -> RuleParser.parse(pattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RULE pattern " + pattern + " is a JSON " + type + ", not an object; " + EXAMPLE);
    }

    @Test
    void anEmptyObjectIsRejected() {
        assertThatThrownBy(() -> RuleParser.parse("{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RULE pattern {} is an empty object; name at least one attribute");
        assertThatThrownBy(() -> RuleParser.parse("{ }")).hasMessageContaining("RULE pattern { } is an empty object");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"merchant\":{\"name\":\"hema\"}} | merchant | object",
        "{\"ids\":[2001,2002]}              | ids      | array",
        "{\"merchant\":null}                | merchant | null",
        "{\"a\":1,\"b\":{}}                 | b        | object",
    })
    void aNestedOrNullValueIsRejectedNamingTheMember(String pattern, String member, String type) {
        assertThatThrownBy(() -> RuleParser.parse(pattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RULE pattern " + pattern + ": the value of \"" + member + "\" is " + type
                        + "; use a string, a number or a boolean");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"city\":", "merchant=hema", "{merchant:\"hema\"}", "{'merchant':'hema'}", "{\"a\":1,}", "{\"a\" 1}"})
    void invalidJsonIsRejectedNamingThePattern(String pattern) {
        assertThatThrownBy(() -> RuleParser.parse(pattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RULE pattern " + pattern + " is not valid JSON: ")
                .hasMessageContaining("; " + EXAMPLE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"merchant\":\"hema\"} x", "{\"a\":1}}", "{\"a\":1} {\"b\":2}", "{\"a\":1},"})
    void textAfterTheObjectIsRejectedNamingThePattern(String pattern) {
        assertThatThrownBy(() -> RuleParser.parse(pattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("RULE pattern " + pattern + " ")
                .hasMessageContaining("{\"merchant\":\"hema\"}");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   "})
    void noJsonAtAllIsRejected(String pattern) {
        assertThatThrownBy(() -> RuleParser.parse(pattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RULE pattern " + pattern + " is not valid JSON");
    }
}
