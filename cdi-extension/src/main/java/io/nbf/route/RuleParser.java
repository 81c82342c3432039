package io.nbf.route;

import io.nbf.modules.registry.AttributeMatch;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reads a RULE pattern: a JSON object whose members are the attributes a bundle must have, e.g.
 * {@code {"merchant":"hema","wareHouseId":2001}}. Values are strings, numbers or booleans (see
 * {@link io.nbf.api.RouteType#RULE}). Parsed with JSON-P (Jakarta JSON Processing) event by event, so that
 * text after the object is rejected whichever implementation is present.
 */
final class RuleParser {

    private static volatile JsonProvider provider;

    private RuleParser() {
    }

    /**
     * @throws IllegalArgumentException naming the problem, if the pattern is not such an object
     */
    static List<AttributeMatch> parse(String pattern) {
        JsonValue value;
        try (JsonParser parser = provider().createParser(new StringReader(pattern))) {
            if (!parser.hasNext()) {
                throw new JsonParsingException("no JSON value", parser.getLocation());
            }
            parser.next();
            value = parser.getValue();
            boolean trailing;
            try {
                trailing = parser.hasNext(); // more text after the value: true, or an exception, per implementation
            } catch (JsonException e) {
                trailing = true;
            }
            if (trailing) {
                throw new IllegalArgumentException("RULE pattern " + pattern + " has text after its JSON value; "
                        + "write one JSON object such as {\"merchant\":\"hema\"}");
            }
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("RULE pattern " + pattern + " is not valid JSON: " + e.getMessage()
                    + "; write a JSON object such as {\"merchant\":\"hema\"}");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new IllegalArgumentException("RULE pattern " + pattern + " is a JSON " + value.getValueType().name().toLowerCase()
                    + ", not an object; write a JSON object such as {\"merchant\":\"hema\"}");
        }
        JsonObject object = value.asJsonObject();
        if (object.isEmpty()) {
            throw new IllegalArgumentException("RULE pattern " + pattern + " is an empty object; name at least one attribute");
        }
        List<AttributeMatch> conditions = new ArrayList<>(object.size());
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            conditions.add(condition(pattern, member.getKey(), member.getValue()));
        }
        return Collections.unmodifiableList(conditions);
    }

    private static AttributeMatch condition(String pattern, String key, JsonValue v) {
        switch (v.getValueType()) {
            case STRING:
                return AttributeMatch.string(key, ((JsonString) v).getString());
            case NUMBER:
                return AttributeMatch.number(key, ((JsonNumber) v).bigDecimalValue());
            case TRUE:
                return AttributeMatch.bool(key, true);
            case FALSE:
                return AttributeMatch.bool(key, false);
            default:
                throw new IllegalArgumentException("RULE pattern " + pattern + ": the value of \"" + key + "\" is "
                        + v.getValueType().name().toLowerCase() + "; use a string, a number or a boolean");
        }
    }

    private static JsonProvider provider() {
        JsonProvider p = provider;
        if (p == null) {
            p = JsonProvider.provider();
            provider = p;
        }
        return p;
    }
}
