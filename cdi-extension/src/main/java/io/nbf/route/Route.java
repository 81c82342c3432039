package io.nbf.route;

import io.nbf.messages.NbfMessages;
import io.nbf.api.RouteType;
import io.nbf.modules.descriptor.BundleDescriptor;
import io.nbf.modules.registry.AttributeMatch;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.modules.registry.SpiServices;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which bundle serves a call: the default route (the lowest bundle id among the live
 * implementations), a bundle id, a regular expression over bundle ids, or a rule over bundle
 * attributes. Immutable; equal routes are interchangeable.
 *
 * <p>Ties are broken by bundle id: with several matches, the lowest id (by {@link String#compareTo})
 * wins, always.
 */
public final class Route {

    /** What kind of route. */
    public enum Kind { DEFAULT, ID, REG, RULE }

    /** The default route. */
    public static final Route DEFAULT = new Route(Kind.DEFAULT, "", null, List.of());

    private final Kind kind;
    private final String pattern;
    private final Pattern regex;
    private final List<AttributeMatch> rule;
    /** What {@link #toString()} answers, built once: spans carry it on every call. */
    private final String text;

    private Route(Kind kind, String pattern, Pattern regex, List<AttributeMatch> rule) {
        this.kind = kind;
        this.pattern = pattern;
        this.regex = regex;
        this.rule = rule;
        this.text = kind == Kind.DEFAULT ? "DEFAULT" : kind + " " + pattern;
    }

    /**
     * The route an annotation or a configuration declares.
     *
     * @param type how to read the pattern
     * @param pattern the pattern; blank means the default route, whatever the type
     * @return the route
     * @throws IllegalArgumentException if the pattern is not valid for the type; the message says why
     *         and how to fix it
     */
    public static Route of(RouteType type, String pattern) {
        Objects.requireNonNull(type, "type");
        if (pattern == null || pattern.isBlank()) {
            return DEFAULT;
        }
        switch (type) {
            case ID:
                return id(pattern.trim());
            case REG:
                try {
                    return new Route(Kind.REG, pattern, Pattern.compile(pattern), List.of());
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("REG pattern '" + pattern + "' is not a regular expression: "
                            + e.getDescription() + " near index " + e.getIndex());
                }
            case RULE:
                return new Route(Kind.RULE, pattern, null, RuleParser.parse(pattern));
            default:
                throw new IllegalArgumentException("unknown route type " + type);
        }
    }

    /**
     * @param bundleId a bundle id
     * @return the route to that bundle
     * @throws IllegalArgumentException if it is not a valid bundle id
     */
    public static Route id(String bundleId) {
        if (!BundleDescriptor.isValidId(bundleId)) {
            throw NbfMessages.MSG.invalidBundleId(bundleId);
        }
        return new Route(Kind.ID, bundleId, null, List.of());
    }

    /**
     * The rule route of {@link io.nbf.api.DynamicInvoker#getService(Map)}.
     *
     * @throws IllegalArgumentException if the map is empty or holds a {@code null} key or value
     */
    public static Route rule(Map<String, ?> params) {
        if (params == null || params.isEmpty()) {
            throw NbfMessages.MSG.noRouteParameters();
        }
        List<AttributeMatch> conditions = new ArrayList<>(params.size());
        StringBuilder text = new StringBuilder("{");
        for (Map.Entry<String, ?> e : params.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw NbfMessages.MSG.nullRouteParameter(params);
            }
            AttributeMatch m = AttributeMatch.of(e.getKey(), e.getValue());
            conditions.add(m);
            text.append(text.length() > 1 ? "," : "").append(m);
        }
        return new Route(Kind.RULE, text.append('}').toString(), null, Collections.unmodifiableList(conditions));
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return the pattern as written (empty for the default route) */
    public String pattern() {
        return pattern;
    }

    /**
     * Chooses the entry this route selects among the live implementations of an SPI. The ID and RULE
     * lookups use the registry's indexes; REG scans, which is why routing caches the result per registry
     * snapshot.
     *
     * @return the entry, or {@code null} if the route selects none
     */
    public ServiceEntry select(SpiServices services) {
        switch (kind) {
            case DEFAULT:
                return services.first();
            case ID:
                return services.byBundleId(pattern);
            case REG:
                return services.firstWhoseId(id -> regex.matcher(id).matches());
            case RULE:
                return services.firstMatching(rule);
            default:
                throw new AssertionError(kind);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Route && kind == ((Route) o).kind && pattern.equals(((Route) o).pattern);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + pattern.hashCode();
    }

    /** @return e.g. {@code DEFAULT}, {@code ID hema-fresh}, {@code REG ^drf-hz.*$}, {@code RULE {"merchant":"hema"}} */
    @Override
    public String toString() {
        return text;
    }
}
