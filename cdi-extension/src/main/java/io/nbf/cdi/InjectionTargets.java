package io.nbf.cdi;

import io.nbf.messages.NbfMessages;
import io.nbf.api.DynamicInject;
import io.nbf.api.DynamicInvoker;
import io.nbf.api.RouteType;
import io.nbf.route.Route;

/**
 * The rules of a {@code @DynamicInject} injection point, shared by both extension forms and by
 * injection into bundle objects: the type is an SPI interface or {@code DynamicInvoker<SPI>}, and the
 * pattern is valid for its route type.
 */
final class InjectionTargets {

    private InjectionTargets() {
    }

    /**
     * @param type the injected type
     * @param pattern the annotation's pattern
     * @param routeType the annotation's route type
     * @param where the member, as a message names it, e.g. {@code field com.acme.Shop.config}
     * @return the problem, phrased with the member and the fix, or {@code null} if there is none
     */
    static String problem(TypeShape type, String pattern, RouteType routeType, String where) {
        if (type.kind == TypeShape.Kind.PARAMETERIZED && type.name.equals(DynamicInvoker.class.getName())) {
            TypeShape spi = type.arguments.get(0);
            if (spi.kind != TypeShape.Kind.CLASS || !spi.isInterface) {
                return NbfMessages.MSG.injectionPointProblem(where, "DynamicInvoker<" + spi + "> does not name an SPI interface; write DynamicInvoker<YourSpi>");
            }
            if (pattern != null && !pattern.isBlank()) {
                return NbfMessages.MSG.injectionPointProblem(where, "a DynamicInvoker chooses its bundle per call, so the pattern '"
                        + pattern + "' would be ignored; remove it, or inject " + spi.name + " itself");
            }
            return null;
        }
        if (type.kind == TypeShape.Kind.CLASS && type.name.equals(DynamicInvoker.class.getName())) {
            return NbfMessages.MSG.injectionPointProblem(where, "raw DynamicInvoker; name the SPI, as in DynamicInvoker<YourSpi>");
        }
        if (type.kind != TypeShape.Kind.CLASS || !type.isInterface) {
            return NbfMessages.MSG.injectionPointProblem(where, "type " + type + " is not an interface; inject an SPI interface, or DynamicInvoker<SPI>");
        }
        try {
            Route.of(routeType, pattern);
        } catch (IllegalArgumentException e) {
            return NbfMessages.MSG.injectionPointProblem(where, e.getMessage());
        }
        return null;
    }

    /** @return the route an annotation declares; valid once {@link #problem} found none */
    static Route route(DynamicInject annotation) {
        return Route.of(annotation.type(), annotation.pattern());
    }
}
