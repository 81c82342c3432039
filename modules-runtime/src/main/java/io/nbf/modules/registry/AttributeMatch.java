package io.nbf.modules.registry;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One condition of a rule: the attribute {@code key} equals a typed value. Strings equal the
 * attribute text exactly; numbers equal an attribute that is a decimal number of the same value;
 * booleans equal {@code true}/{@code false} in any case. Immutable.
 */
public final class AttributeMatch {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d{1,60}(\\.\\d{1,60})?([eE][-+]?\\d{1,4})?");

    private final String key;
    private final String token;
    private final String text;

    private AttributeMatch(String key, String token, String text) {
        this.key = Objects.requireNonNull(key, "key");
        this.token = token;
        this.text = text;
    }

    /** @return a condition that the attribute is exactly {@code value} */
    public static AttributeMatch string(String key, String value) {
        return new AttributeMatch(key, stringToken(value), '"' + value + '"');
    }

    /** @return a condition that the attribute is a number equal to {@code value} */
    public static AttributeMatch number(String key, BigDecimal value) {
        return new AttributeMatch(key, numberToken(value), value.toString());
    }

    /** @return a condition that the attribute is the boolean {@code value} */
    public static AttributeMatch bool(String key, boolean value) {
        return new AttributeMatch(key, booleanToken(value), Boolean.toString(value));
    }

    /**
     * The condition a Java value stands for: a {@link CharSequence} is a string, a {@link Number} a
     * number, a {@link Boolean} a boolean, anything else its {@code toString()} as a string.
     */
    public static AttributeMatch of(String key, Object value) {
        Objects.requireNonNull(value, () -> "value of " + key);
        if (value instanceof Boolean) {
            return bool(key, (Boolean) value);
        }
        if (value instanceof BigDecimal) {
            return number(key, (BigDecimal) value);
        }
        if (value instanceof Number) {
            Number n = (Number) value;
            if (value instanceof Double || value instanceof Float) {
                double d = n.doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    return string(key, value.toString());
                }
                return number(key, BigDecimal.valueOf(d));
            }
            return number(key, new BigDecimal(n.toString()));
        }
        return string(key, value.toString());
    }

    /** @return the attribute name */
    public String key() {
        return key;
    }

    /** The value in the form the attribute index stores, comparable with {@link #tokens(String)}. */
    String token() {
        return token;
    }

    /**
     * The index tokens of one attribute value: always its string form, plus its number form when it
     * is a decimal number, plus its boolean form when it is {@code true} or {@code false}.
     */
    static String[] tokens(String attributeValue) {
        String s = stringToken(attributeValue);
        String trimmed = attributeValue.trim();
        if (DECIMAL.matcher(trimmed).matches()) {
            return new String[] {s, numberToken(new BigDecimal(trimmed))};
        }
        if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
            return new String[] {s, booleanToken(Boolean.parseBoolean(trimmed.toLowerCase(Locale.ROOT)))};
        }
        return new String[] {s};
    }

    private static String stringToken(String value) {
        return "s:" + value;
    }

    private static String numberToken(BigDecimal value) {
        // unscaled value and scale: canonical after stripping zeros, and bounded in length
        // (toPlainString of 1e9999 would not be).
        BigDecimal d = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        return "n:" + d.unscaledValue() + "e" + d.scale();
    }

    private static String booleanToken(boolean value) {
        return "b:" + value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributeMatch && key.equals(((AttributeMatch) o).key) && token.equals(((AttributeMatch) o).token);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + token.hashCode();
    }

    @Override
    public String toString() {
        return '"' + key + "\":" + text;
    }
}
