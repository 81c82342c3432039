package io.nbf.cdi;

import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.lang.annotation.Annotation;
import java.lang.reflect.Member;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * An injection point of type {@link InjectionPoint}: looking it up while a {@code @Dependent} bean is
 * being created yields the injection point that bean is created for (how SmallRye Config's injection
 * bean learns which key to read).
 */
final class CurrentInjectionPoint implements InjectionPoint {

    static final CurrentInjectionPoint INSTANCE = new CurrentInjectionPoint();

    @Override
    public Type getType() {
        return InjectionPoint.class;
    }

    @Override
    public Set<Annotation> getQualifiers() {
        return Set.of(Default.Literal.INSTANCE);
    }

    @Override
    public Bean<?> getBean() {
        return null;
    }

    @Override
    public Member getMember() {
        return null;
    }

    @Override
    public Annotated getAnnotated() {
        return null;
    }

    @Override
    public boolean isDelegate() {
        return false;
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
