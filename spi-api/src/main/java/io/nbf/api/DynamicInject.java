package io.nbf.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Injects an SPI whose every call is routed to a live bundle.
 *
 * <p>On a field it works with or without {@code @Inject}; on constructor and initializer parameters
 * it qualifies an ordinary {@code @Inject}. The injected type is either an SPI interface or
 * {@link DynamicInvoker}{@code <Spi>}.
 *
 * <p>Routing, decided on every call against the live bundles:
 * <ul>
 *   <li>{@code pattern} empty: the default route, the single live implementation of the SPI (with
 *       several, the one with the lowest bundle id);</li>
 *   <li>{@link RouteType#ID}: the bundle whose id equals {@code pattern};</li>
 *   <li>{@link RouteType#REG}: a regular expression that must match the whole bundle id; with
 *       several matches the lowest bundle id wins;</li>
 *   <li>{@link RouteType#RULE}: a JSON object of attributes, e.g. {@code {"merchant":"hema"}}; a
 *       bundle matches when each key equals its attribute; with several matches the lowest bundle id
 *       wins.</li>
 * </ul>
 * MicroProfile Config may override the route of an SPI at runtime; see the nbf README for the keys.
 *
 * <p>Both members are {@code @Nonbinding}: every {@code @DynamicInject} injection point of a type is
 * satisfied by the same nbf bean, which reads the members from the injection point.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, TYPE})
public @interface DynamicInject {

    /**
     * The route pattern: a bundle id, a regular expression over bundle ids, or a JSON rule, as
     * {@link #type()} says. Empty selects the default route.
     *
     * @return the pattern, never {@code null}
     */
    @Nonbinding
    String pattern() default "";

    /**
     * How {@link #pattern()} is read. Ignored when the pattern is empty.
     *
     * @return the route type
     */
    @Nonbinding
    RouteType type() default RouteType.ID;
}
