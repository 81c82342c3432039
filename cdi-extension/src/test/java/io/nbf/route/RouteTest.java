package io.nbf.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.api.RouteType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Routes as annotations, configuration and DynamicInvoker declare them: validation, equality, text. */
class RouteTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(RouteType.class)
    void aBlankPatternIsTheDefaultRouteWhateverTheType(RouteType type) {
        assertThat(Route.of(type, null)).isSameAs(Route.DEFAULT);
        assertThat(Route.of(type, "")).isSameAs(Route.DEFAULT);
        assertThat(Route.of(type, " \t")).isSameAs(Route.DEFAULT);
        assertThat(Route.DEFAULT.kind()).isEqualTo(Route.Kind.DEFAULT);
        assertThat(Route.DEFAULT.pattern()).isEmpty();
        assertThat(Route.DEFAULT).hasToString("DEFAULT");
    }

    @Test
    void theTypeIsRequired() {
        assertThatThrownBy(() -> Route.of(null, "hema")).isInstanceOf(NullPointerException.class).hasMessage("type");
    }

    @Test
    void anIdRouteIsTrimmed() {
        Route r = Route.of(RouteType.ID, " hema-fresh ");
        assertThat(r.kind()).isEqualTo(Route.Kind.ID);
        assertThat(r.pattern()).isEqualTo("hema-fresh");
        assertThat(r).hasToString("ID hema-fresh").isEqualTo(Route.id("hema-fresh"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a", "7", "hema-fresh", "drf-hz_1.2", "A.b-C_d"})
    void validIds(String id) {
        assertThat(Route.id(id).pattern()).isEqualTo(id);
    }

    @Test
    void anIdOf128CharactersIsTheLongest() {
        String longest = "a".repeat(128);
        assertThat(Route.id(longest).pattern()).isEqualTo(longest);
        assertThatThrownBy(() -> Route.id(longest + "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a bundle id");
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"rt mart", "-rt", ".rt", "_rt", "rt/mart", "rt:mart", "hema\u00e9"})
    void invalidIdsAreRejectedSayingWhatAnIdIs(String id) {
        assertThatThrownBy(() -> Route.id(id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + id + "' is not a bundle id; ids are a letter or digit, then letters, digits, '.', '_' or '-'");
    }

    @Test
    void anInvalidIdInAnIdPatternIsRejectedToo() {
        assertThatThrownBy(() -> Route.of(RouteType.ID, "rt mart")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'rt mart' is not a bundle id");
    }

    @Test
    void aRegRouteKeepsThePatternAsWritten() {
        Route r = Route.of(RouteType.REG, "^drf-hz.*$");
        assertThat(r.kind()).isEqualTo(Route.Kind.REG);
        assertThat(r.pattern()).isEqualTo("^drf-hz.*$");
        assertThat(r).hasToString("REG ^drf-hz.*$");
    }

    @Test
    void aRegPatternThatDoesNotCompileIsRejectedWithTheReasonAndWhere() {
        assertThatThrownBy(() -> Route.of(RouteType.REG, "drf-(hz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REG pattern 'drf-(hz' is not a regular expression: Unclosed group near index 7");
        assertThatThrownBy(() -> Route.of(RouteType.REG, "*hz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REG pattern '*hz' is not a regular expression: Dangling meta character '*' near index 0");
        assertThatThrownBy(() -> Route.of(RouteType.REG, "drf-[hz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REG pattern 'drf-[hz' is not a regular expression: ");
    }

    @Test
    void aRuleRouteKeepsThePatternAsWrittenAndRejectsWhatRuleParserRejects() {
        Route r = Route.of(RouteType.RULE, "{\"merchant\":\"hema\",\"wareHouseId\":2001}");
        assertThat(r.kind()).isEqualTo(Route.Kind.RULE);
        assertThat(r).hasToString("RULE {\"merchant\":\"hema\",\"wareHouseId\":2001}");
        assertThatThrownBy(() -> Route.of(RouteType.RULE, "[\"hema\"]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RULE pattern [\"hema\"] is a JSON array, not an object");
        assertThatThrownBy(() -> Route.of(RouteType.RULE, "{\"city\":")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RULE pattern {\"city\": is not valid JSON");
    }

    @Test
    void aRuleFromInvokerParametersIsWrittenAsJson() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("merchant", "hema");
        params.put("wareHouseId", 2001);
        params.put("fresh", true);
        Route r = Route.rule(params);
        assertThat(r.kind()).isEqualTo(Route.Kind.RULE);
        assertThat(r).hasToString("RULE {\"merchant\":\"hema\",\"wareHouseId\":2001,\"fresh\":true}");
        assertThat(r).as("the same text as the annotation's").isEqualTo(Route.of(RouteType.RULE, r.pattern()));
    }

    @Test
    void invokerParametersMustNameAnAttribute() {
        assertThatThrownBy(() -> Route.rule(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("give at least one attribute to match");
        assertThatThrownBy(() -> Route.rule(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("give at least one attribute to match");
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("merchant", null);
        assertThatThrownBy(() -> Route.rule(nullValue)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("route parameters hold a null key or value: {merchant=null}");
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, "hema");
        assertThatThrownBy(() -> Route.rule(nullKey)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("route parameters hold a null key or value");
    }

    @Test
    void equalityIsKindAndPattern() {
        assertThat(Route.id("hema")).isEqualTo(Route.of(RouteType.ID, "hema")).hasSameHashCodeAs(Route.of(RouteType.ID, "hema"));
        assertThat(Route.of(RouteType.REG, "drf-.*")).isEqualTo(Route.of(RouteType.REG, "drf-.*"))
                .hasSameHashCodeAs(Route.of(RouteType.REG, "drf-.*"));
        assertThat(Route.id("hema")).as("same text, other kind").isNotEqualTo(Route.of(RouteType.REG, "hema"));
        assertThat(Route.id("hema")).isNotEqualTo(Route.id("rt-mart"));
        assertThat(Route.of(RouteType.RULE, "{\"a\":1}")).as("rules compare as written")
                .isNotEqualTo(Route.of(RouteType.RULE, "{\"a\": 1}"));
        assertThat(Route.id("hema")).isNotEqualTo(null).isNotEqualTo("ID hema");
        assertThat(Route.DEFAULT).isEqualTo(Route.of(RouteType.REG, "")).isNotEqualTo(Route.id("hema"));
    }
}
