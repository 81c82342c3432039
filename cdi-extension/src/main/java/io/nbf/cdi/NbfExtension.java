package io.nbf.cdi;

import io.nbf.messages.NbfMessages;
import io.nbf.api.DynamicInject;
import io.nbf.config.DynamicSettings;
import io.nbf.config.NbfSettings;
import io.nbf.guard.GuardedDispatcher;
import io.nbf.metrics.OpenTelemetryCallMetrics;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.enterprise.inject.literal.InjectLiteral;
import jakarta.inject.Inject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The portable extension (Weld SE, WildFly), in the manner of SmallRye Config's {@code ConfigExtension}:
 * <ol>
 *   <li>adds {@code @Inject} to fields that carry {@code @DynamicInject} alone;</li>
 *   <li>collects every {@code @DynamicInject} injection point in {@link ProcessInjectionPoint};</li>
 *   <li>adds one {@code @Dependent} bean per injected type in {@link AfterBeanDiscovery};</li>
 *   <li>validates injection points and nbf's configuration in {@link AfterDeploymentValidation},
 *       reporting each problem with the member at fault and the fix.</li>
 * </ol>
 * The work itself is done by {@link NbfContainer} and the CDI-free {@link io.nbf.runtime.NbfRuntime}.
 */
public class NbfExtension implements Extension {

    private final List<InjectionPoint> injectionPoints = new ArrayList<>();

    void addContainer(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        event.addAnnotatedType(beanManager.createAnnotatedType(NbfContainer.class), NbfContainer.class.getName());
        ClassLoader loader = NbfExtension.class.getClassLoader();
        if (OpenTelemetryCallMetrics.isAvailable(loader)) {
            event.addAnnotatedType(beanManager.createAnnotatedType(OpenTelemetryHolder.class), OpenTelemetryHolder.class.getName());
        }
    }

    <T> void addInjectToBareFields(@Observes @WithAnnotations(DynamicInject.class) ProcessAnnotatedType<T> event) {
        event.configureAnnotatedType()
                .filterFields(f -> f.isAnnotationPresent(DynamicInject.class) && !f.isAnnotationPresent(Inject.class))
                .forEach(f -> f.add(InjectLiteral.INSTANCE));
    }

    void collect(@Observes ProcessInjectionPoint<?, ?> event) {
        InjectionPoint ip = event.getInjectionPoint();
        if (ip.getQualifiers().stream().anyMatch(q -> q instanceof DynamicInject)) {
            injectionPoints.add(ip);
        }
    }

    void addBeans(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
        Map<Type, String> problems = new LinkedHashMap<>();
        Map<String, Type> types = new LinkedHashMap<>();
        for (InjectionPoint ip : injectionPoints) {
            TypeShape shape = TypeShape.of(ip.getType());
            if (shape.isLegalBeanType()) {
                types.putIfAbsent(ip.getType().getTypeName(), ip.getType());
            } else {
                // No bean can have this type, so the container would only say "unsatisfied": say why here.
                problems.putIfAbsent(ip.getType(), problem(ip));
            }
        }
        types.values().forEach(t -> event.addBean(new DynamicInjectBean(beanManager, t)));
        problems.values().forEach(p -> event.addDefinitionError(new DeploymentException(p)));
        List<String> spis = List.copyOf(spiNames());
        event.addBean().types(DeploymentInfo.class, Object.class).scope(Dependent.class)
                .createWith(c -> new DeploymentInfo(spis));
    }

    void validate(@Observes AfterDeploymentValidation event) {
        for (InjectionPoint ip : injectionPoints) {
            String problem = problem(ip);
            if (problem != null) {
                event.addDeploymentProblem(new DeploymentException(problem));
            }
        }
        try {
            var config = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
            NbfSettings.read(config);
            DynamicSettings.read(config, spiNames(), List.of(),
                    GuardedDispatcher.isFaultToleranceAvailable(Thread.currentThread().getContextClassLoader()));
        } catch (IllegalArgumentException e) {
            event.addDeploymentProblem(new DeploymentException(NbfMessages.MSG.configurationProblem(e.getMessage())));
        }
    }

    private TreeSet<String> spiNames() {
        TreeSet<String> names = new TreeSet<>();
        for (InjectionPoint ip : injectionPoints) {
            if (problem(ip) == null) {
                Type t = ip.getType();
                names.add(t instanceof ParameterizedType
                        ? ((ParameterizedType) t).getActualTypeArguments()[0].getTypeName()
                        : t.getTypeName());
            }
        }
        return names;
    }

    private static String problem(InjectionPoint ip) {
        DynamicInject annotation = NbfContainer.qualifier(ip.getQualifiers());
        return InjectionTargets.problem(TypeShape.of(ip.getType()), annotation.pattern(), annotation.type(), where(ip));
    }

    static String where(InjectionPoint ip) {
        Member member = ip.getMember();
        if (member instanceof Field) {
            return "field " + member.getDeclaringClass().getName() + "." + member.getName();
        }
        String position = ip.getAnnotated() instanceof AnnotatedParameter
                ? "parameter " + ((AnnotatedParameter<?>) ip.getAnnotated()).getPosition() + " of " : "";
        if (member instanceof Constructor) {
            return position + "constructor " + member.getDeclaringClass().getName() + "()";
        }
        return position + "method " + member.getDeclaringClass().getName() + "." + member.getName() + "()";
    }
}
