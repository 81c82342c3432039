package io.nbf.cdi;

import io.nbf.api.DynamicInject;
import io.nbf.api.RouteType;
import jakarta.enterprise.util.AnnotationLiteral;

/** An instance of {@link DynamicInject}, for bean qualifiers. */
public final class DynamicInjectLiteral extends AnnotationLiteral<DynamicInject> implements DynamicInject {

    private static final long serialVersionUID = 1L;

    /** {@code @DynamicInject} with its defaults; all that a bean needs, since the members are non-binding. */
    public static final DynamicInjectLiteral INSTANCE = new DynamicInjectLiteral();

    private DynamicInjectLiteral() {
    }

    @Override
    public String pattern() {
        return "";
    }

    @Override
    public RouteType type() {
        return RouteType.ID;
    }
}
