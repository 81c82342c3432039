package io.nbf.modules.descriptor;

import static io.nbf.modules.messages.RuntimeMessages.MSG;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bundle version: {@code major[.minor[.micro]][-qualifier]}, e.g. {@code 1}, {@code 1.2},
 * {@code 2.0.1-hotfix}. Missing numbers are zero, so {@code 1.0} and {@code 1.0.0} are equal.
 * Ordering is numeric; a version with a qualifier sorts before the same numbers without one (as
 * {@code 1.0-rc1} before {@code 1.0}), qualifiers among themselves by text. Immutable.
 */
public final class BundleVersion implements Comparable<BundleVersion> {

    private static final Pattern FORMAT =
            Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?(?:-([A-Za-z0-9][A-Za-z0-9._-]{0,63}))?");

    private final int major;
    private final int minor;
    private final int micro;
    private final String qualifier;
    private final String text;

    private BundleVersion(int major, int minor, int micro, String qualifier, String text) {
        this.major = major;
        this.minor = minor;
        this.micro = micro;
        this.qualifier = qualifier;
        this.text = text;
    }

    /**
     * Parses a version.
     *
     * @param text the version text, e.g. {@code 1.2.0}
     * @return the version, never {@code null}
     * @throws IllegalArgumentException (NBF1560) if {@code text} is {@code null} or not of the form
     *         {@code major[.minor[.micro]][-qualifier]}; the message says so
     */
    public static BundleVersion parse(String text) {
        BundleVersion version = parseOrNull(text);
        if (version == null) {
            throw MSG.invalidVersion(problem(text));
        }
        return version;
    }

    /** @return the version, or {@code null} if {@code text} is missing or malformed */
    static BundleVersion parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        Matcher m = FORMAT.matcher(trimmed);
        if (!m.matches()) {
            return null;
        }
        return new BundleVersion(
                Integer.parseInt(m.group(1)),
                m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                m.group(4),
                trimmed);
    }

    /** @return why {@code text}, which {@link #parseOrNull} refused, is no version */
    static String problem(String text) {
        return text == null ? MSG.versionMissing() : MSG.versionMalformed(text);
    }

    @Override
    public int compareTo(BundleVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(micro, o.micro);
        }
        if (c == 0 && !Objects.equals(qualifier, o.qualifier)) {
            if (qualifier == null) {
                return 1;
            }
            if (o.qualifier == null) {
                return -1;
            }
            c = qualifier.compareTo(o.qualifier);
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BundleVersion && compareTo((BundleVersion) o) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, micro, qualifier);
    }

    /** @return the version as it was written */
    @Override
    public String toString() {
        return text;
    }
}
