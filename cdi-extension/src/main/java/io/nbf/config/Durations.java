package io.nbf.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as nbf's keys write them: {@code 100ms}, {@code 5s}, {@code 2m}, {@code 1h}, ISO-8601 ({@code PT5S}), or a bare number of milliseconds. */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /**
     * @param key the configuration key, for the message
     * @param value the text
     * @return the duration, zero or positive
     * @throws IllegalArgumentException naming the key, if the text is not a duration
     */
    public static Duration parse(String key, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "ms" : m.group(2);
            switch (unit) {
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
