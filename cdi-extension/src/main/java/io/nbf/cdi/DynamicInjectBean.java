package io.nbf.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.PassivationCapable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * The portable extension's bean for one injected type: every {@code @DynamicInject} injection point of
 * that type, whatever its pattern (the qualifier's members are non-binding). {@code @Dependent}, so it
 * can read the injection point it is created for.
 */
final class DynamicInjectBean implements Bean<Object>, PassivationCapable {

    private final BeanManager beanManager;
    private final Type type;

    DynamicInjectBean(BeanManager beanManager, Type type) {
        this.beanManager = beanManager;
        this.type = type;
    }

    @Override
    public Object create(CreationalContext<Object> context) {
        InjectionPoint ip = (InjectionPoint) beanManager.getInjectableReference(CurrentInjectionPoint.INSTANCE, context);
        Bean<?> container = beanManager.resolve(beanManager.getBeans(NbfContainer.class));
        NbfContainer nbf = (NbfContainer) beanManager.getReference(container, NbfContainer.class, context);
        return nbf.valueFor(ip);
    }

    @Override
    public void destroy(Object instance, CreationalContext<Object> context) {
        context.release();
    }

    @Override
    public Set<Type> getTypes() {
        return Set.of(type, Object.class);
    }

    @Override
    public Set<Annotation> getQualifiers() {
        return Set.of(DynamicInjectLiteral.INSTANCE, Any.Literal.INSTANCE);
    }

    @Override
    public Class<? extends Annotation> getScope() {
        return Dependent.class;
    }

    @Override
    public String getName() {
        return null;
    }

    @Override
    public Set<Class<? extends Annotation>> getStereotypes() {
        return Set.of();
    }

    @Override
    public boolean isAlternative() {
        return false;
    }

    @Override
    public Class<?> getBeanClass() {
        return NbfExtension.class;
    }

    @Override
    public Set<InjectionPoint> getInjectionPoints() {
        return Set.of();
    }

    @Override
    public String getId() {
        return "nbf.DynamicInject#" + type.getTypeName();
    }

    @Override
    public String toString() {
        return "nbf @DynamicInject bean of " + type.getTypeName();
    }
}
