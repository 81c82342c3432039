package io.nbf.cdi;

import io.nbf.messages.NbfMessages;
import io.nbf.api.BundleContext;
import io.nbf.api.DynamicInject;
import io.nbf.modules.InstanceInjector;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Non-contextual injection into bundle objects: {@code @Inject} fields and initializer methods get
 * host beans, {@code @DynamicInject} fields (with or without {@code @Inject}) get routing proxies, so
 * a bundle can use the host's services and call other bundles. Superclass members first, fields
 * before methods, as CDI does. Dependent objects are destroyed when the bundle stops.
 *
 * <p>A host bean injected with an interface type is handed over behind a small proxy that runs each call
 * with the host's context class loader: the bundle's code runs with its own, and host code must not see
 * it (Quarkus' SmallRye Config, for one, finds no configuration for a bundle's class loader, so a host
 * bean first created inside a bundle call could not even be constructed). For the same reason the reference
 * itself is obtained with the host's context class loader: a {@code @Dependent} bean (SmallRye Config's
 * {@code Config}, for one) is created by that lookup, inside the bundle's start.
 *
 * <p>Done with reflection and {@link BeanManager} lookups rather than an {@code InjectionTarget}:
 * that needs no annotated type per bundle class (which the container would cache beyond the bundle's
 * life), and works on Quarkus, where runtime injection targets do not exist.
 */
final class CdiInstanceInjector implements InstanceInjector {

    private final BeanManager beanManager;
    private final BiFunction<Type, DynamicInject, Object> dynamicValues;
    private final ClassLoader host;

    /**
     * @param dynamicValues the routing proxy or invoker for a type and annotation
     * @param host the host's class loader: the context class loader of calls from bundles into host beans
     */
    CdiInstanceInjector(BeanManager beanManager, BiFunction<Type, DynamicInject, Object> dynamicValues, ClassLoader host) {
        this.beanManager = beanManager;
        this.dynamicValues = dynamicValues;
        this.host = host;
    }

    @Override
    public Runnable inject(Object instance, BundleContext context) throws Exception {
        CreationalContext<Object> creational = beanManager.createCreationalContext(null);
        try {
            Deque<Class<?>> hierarchy = new ArrayDeque<>();
            for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                hierarchy.push(c);
            }
            for (Class<?> c : hierarchy) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    DynamicInject dynamic = f.getAnnotation(DynamicInject.class);
                    if (dynamic != null) {
                        set(f, instance, dynamicValue(f.getGenericType(), dynamic, "field " + c.getName() + "." + f.getName(), context));
                    } else if (f.isAnnotationPresent(Inject.class)) {
                        set(f, instance, reference(f.getGenericType(), f.getAnnotations(), creational,
                                "field " + c.getName() + "." + f.getName(), context));
                    }
                }
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Inject.class) && !Modifier.isStatic(m.getModifiers())) {
                        invokeInitializer(m, instance, creational, context);
                    }
                }
            }
        } catch (RuntimeException | Error | ReflectiveOperationException e) {
            creational.release();
            throw e;
        }
        return creational::release;
    }

    private Object dynamicValue(Type type, DynamicInject annotation, String where, BundleContext context) {
        String problem = InjectionTargets.problem(TypeShape.of(type), annotation.pattern(), annotation.type(), where);
        if (problem != null) {
            throw NbfMessages.MSG.bundleInjectionPointProblem(context.bundleId(), context.version(), problem);
        }
        return dynamicValues.apply(type, annotation);
    }

    private void invokeInitializer(Method m, Object instance, CreationalContext<Object> creational, BundleContext context)
            throws ReflectiveOperationException {
        Type[] types = m.getGenericParameterTypes();
        Annotation[][] annotations = m.getParameterAnnotations();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            String where = "parameter " + i + " of " + m.getDeclaringClass().getName() + "." + m.getName() + "()";
            DynamicInject dynamic = find(annotations[i]);
            args[i] = dynamic != null ? dynamicValue(types[i], dynamic, where, context)
                    : reference(types[i], annotations[i], creational, where, context);
        }
        m.setAccessible(true);
        try {
            m.invoke(instance, args);
        } catch (InvocationTargetException e) {
            throw NbfMessages.MSG.initializerFailed(context.bundleId(), m, e.getCause(), e.getCause());
        }
    }

    private Object reference(Type type, Annotation[] annotations, CreationalContext<Object> creational, String where, BundleContext context) {
        List<Annotation> qualifiers = new ArrayList<>();
        for (Annotation a : annotations) {
            if (beanManager.isQualifier(a.annotationType())) {
                qualifiers.add(a);
            }
        }
        Annotation[] q = qualifiers.toArray(new Annotation[0]);
        Set<Bean<?>> beans = beanManager.getBeans(type, q);
        Bean<?> bean;
        try {
            bean = beanManager.resolve(beans);
        } catch (RuntimeException ambiguous) {
            throw NbfMessages.MSG.ambiguousHostBean(context.bundleId(), where, type.getTypeName(), beans.size(), qualifiers, ambiguous);
        }
        if (bean == null && type == Config.class && qualifiers.isEmpty()) {
            // Quarkus registers its Config bean only for the injection points it sees at build time, and a
            // bundle's are not among them: the host's Config is still the one MicroProfile Config gives its loader.
            return hostCalls(Config.class, ConfigProvider.getConfig(host));
        }
        if (bean == null) {
            throw NbfMessages.MSG.noHostBean(context.bundleId(), where, type.getTypeName(),
                    qualifiers.isEmpty() ? "" : " with qualifiers " + qualifiers);
        }
        Object reference = withHostLoader(() -> beanManager.getReference(bean, type, creational));
        if (type instanceof Class && ((Class<?>) type).isInterface() && reference != null) {
            return hostCalls((Class<?>) type, reference);
        }
        return reference;
    }

    /**
     * Runs {@code lookup} with the host's context class loader: a {@code @Dependent} bean is created right
     * there, and host code such as SmallRye Config's {@code Config} producer finds its state by that loader.
     */
    private <T> T withHostLoader(java.util.function.Supplier<T> lookup) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(host);
        try {
            return lookup.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** @return {@code target} behind a proxy of {@code type} that calls it with the host's context class loader */
    private Object hostCalls(Class<?> type, Object target) {
        InvocationHandler handler = (proxy, method, args) -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(host);
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                thread.setContextClassLoader(previous);
            }
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static DynamicInject find(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof DynamicInject) {
                return (DynamicInject) a;
            }
        }
        return null;
    }

    private static void set(Field f, Object instance, Object value) throws IllegalAccessException {
        f.setAccessible(true);
        f.set(instance, value);
    }
}
