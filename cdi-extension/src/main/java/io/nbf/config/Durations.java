package io.nbf.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as nbf's keys write them: {@code 100ms}, {@code 5s}, {@code 2m}, {@code 1h}, or ISO-8601
 * ({@code PT5S}). A number needs its unit: a bare {@code 100} is rejected, because nbf once read it as
 * milliseconds and Quarkus reads it as seconds. The one bare number accepted is {@code 0}, which the keys
 * that allow it document as "off".
 */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)");
    private static final Pattern BARE = Pattern.compile("\\d+");

    private Durations() {
    }

    /**
     * @param key the configuration key, for the message
     * @param value the text
     * @return the duration, zero or positive
     * @throws IllegalArgumentException naming the key, if the text is not a duration or is a bare number
     *         other than {@code 0}
     */
    public static Duration parse(String key, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (BARE.matcher(v).matches()) {
            if (v.chars().allMatch(c -> c == '0')) {
                return Duration.ZERO;
            }
            throw new IllegalArgumentException(key + ": '" + value + "' has no unit; write a duration such as 100ms or 5s"
                    + " (a bare number other than 0 is rejected: it would read as milliseconds here and as seconds in Quarkus)");
        }
        Matcher m = SIMPLE.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms":
                    return Duration.ofMillis(n);
                case "s":
                    return Duration.ofSeconds(n);
                case "m":
                    return Duration.ofMinutes(n);
                default:
                    return Duration.ofHours(n);
            }
        }
        try {
            Duration d = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException(key + ": '" + value + "' is not a duration; write e.g. 100ms, 5s, 2m or PT5S");
    }
}
