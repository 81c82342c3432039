package io.nbf.cdi;

import io.nbf.messages.NbfMessages;
import io.nbf.api.DynamicInject;
import io.nbf.api.RouteType;
import io.nbf.config.DynamicSettings;
import io.nbf.config.NbfSettings;
import io.nbf.guard.GuardedDispatcher;
import io.nbf.metrics.OpenTelemetryCallMetrics;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.ClassConfig;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.Enhancement;
import jakarta.enterprise.inject.build.compatible.spi.FieldConfig;
import jakarta.enterprise.inject.build.compatible.spi.InjectionPointInfo;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;
import jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticObserver;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.Validation;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.AnnotationMember;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.enterprise.lang.model.declarations.DeclarationInfo;
import jakarta.enterprise.lang.model.declarations.FieldInfo;
import jakarta.enterprise.lang.model.declarations.ParameterInfo;
import jakarta.enterprise.lang.model.types.Type;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The build compatible extension (Quarkus, which runs no portable extension). Does what
 * {@link NbfExtension} does, in the build compatible phases; skipped wherever the portable extension
 * runs, so Weld, which runs both kinds, does not register the beans twice.
 */
@SkipIfPortableExtensionPresent(NbfExtension.class)
public class NbfBuildCompatibleExtension implements BuildCompatibleExtension {

    private final List<Collected> injectionPoints = new ArrayList<>();

    /** One {@code @DynamicInject} injection point, read while its bean is registered. */
    private static final class Collected {
        final InjectionPointInfo info;
        final String problem;
        final String spiName;

        Collected(InjectionPointInfo info, String problem, String spiName) {
            this.info = info;
            this.problem = problem;
            this.spiName = spiName;
        }
    }

    @Discovery
    public void addContainer(ScannedClasses classes) {
        // a JAR with an extension is never an implicit bean archive: add nbf's bean explicitly
        classes.add(NbfContainer.class.getName());
        // nor is nbf-spi-api: a container that learns qualifiers from its index (Quarkus' ArC) must be
        // shown @DynamicInject, or it takes @DynamicInject injection points for @Default ones
        classes.add(DynamicInject.class.getName());
        ClassLoader loader = NbfBuildCompatibleExtension.class.getClassLoader();
        if (OpenTelemetryCallMetrics.isAvailable(loader)) {
            classes.add(OpenTelemetryHolder.class.getName());
        }
    }

    @Enhancement(types = Object.class, withSubtypes = true, withAnnotations = DynamicInject.class)
    public void addInjectToBareFields(ClassConfig type) {
        for (FieldConfig field : type.fields()) {
            if (field.info().hasAnnotation(DynamicInject.class) && !field.info().hasAnnotation(Inject.class)) {
                field.addAnnotation(Inject.class);
            }
        }
    }

    @Registration(types = Object.class)
    public void collect(BeanInfo bean, Messages messages) {
        for (InjectionPointInfo ip : bean.injectionPoints()) {
            AnnotationInfo annotation = qualifier(ip);
            if (annotation == null) {
                continue;
            }
            TypeShape shape = shape(ip.type());
            String problem = InjectionTargets.problem(shape, member(annotation, "pattern"), routeType(annotation), where(ip.declaration()));
            if (!shape.isLegalBeanType()) {
                // No bean can have this type, so the container would only say "unsatisfied": say why now.
                messages.error(problem, ip.declaration());
                continue;
            }
            String spi = shape.kind == TypeShape.Kind.PARAMETERIZED ? shape.arguments.get(0).name : shape.name;
            injectionPoints.add(new Collected(ip, problem, spi));
        }
    }

    @Synthesis
    public void addBeans(SyntheticComponents components) {
        Map<String, Type> types = new LinkedHashMap<>();
        TreeSet<String> spis = new TreeSet<>();
        for (Collected c : injectionPoints) {
            // a bean even for an invalid injection point, so validation reports nbf's message, not "unsatisfied"
            types.putIfAbsent(c.info.type().toString(), c.info.type());
            if (c.problem == null) {
                spis.add(c.spiName);
            }
        }
        for (Type type : types.values()) {
            components.addBean(Object.class)
                    .type(type)
                    .qualifier(DynamicInject.class)
                    .scope(Dependent.class)
                    .createWith(DynamicInjectCreator.class);
        }
        components.addBean(DeploymentInfo.class)
                .type(DeploymentInfo.class)
                .scope(Dependent.class)
                .withParam("spis", spis.toArray(new String[0]))
                .createWith(DeploymentInfoCreator.class);
        @SuppressWarnings("unchecked")
        Class<Object> startup = (Class<Object>) startupEvent();
        if (startup != null) {
            components.addObserver(startup).observeWith(StartOnStartup.class);
        }
    }

    /**
     * CDI 4.1's {@code jakarta.enterprise.event.Startup}, or {@code null} under CDI 4.0: looked up by name
     * so this class loads on both.
     */
    private static Class<?> startupEvent() {
        try {
            return Class.forName("jakarta.enterprise.event.Startup", false, NbfBuildCompatibleExtension.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /**
     * Starts nbf on {@code Startup}: Quarkus fires {@code @Initialized(ApplicationScoped.class)} during
     * static initialization, too early for nbf (see {@link NbfContainer}).
     */
    public static final class StartOnStartup implements SyntheticObserver<Object> {
        @Override
        public void observe(EventContext<Object> event, Parameters params) {
            CDI.current().select(NbfContainer.class).get().start();
        }
    }

    @Validation
    public void validate(Messages messages) {
        TreeSet<String> spis = new TreeSet<>();
        for (Collected c : injectionPoints) {
            if (c.problem != null) {
                messages.error(c.problem, c.info.declaration());
            } else {
                spis.add(c.spiName);
            }
        }
        try {
            var config = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
            NbfSettings.read(config);
            DynamicSettings.read(config, spis, List.of(),
                    GuardedDispatcher.isFaultToleranceAvailable(Thread.currentThread().getContextClassLoader()));
        } catch (IllegalArgumentException e) {
            messages.error(NbfMessages.MSG.configurationProblem(e.getMessage()));
        }
    }

    /** Creates the value of a {@code @DynamicInject} injection point from the injection point itself. */
    public static final class DynamicInjectCreator implements SyntheticBeanCreator<Object> {
        @Override
        public Object create(Instance<Object> lookup, Parameters params) {
            InjectionPoint ip = lookup.select(InjectionPoint.class).get();
            return lookup.select(NbfContainer.class).get().valueFor(ip);
        }
    }

    /** Creates the {@link DeploymentInfo}. */
    public static final class DeploymentInfoCreator implements SyntheticBeanCreator<DeploymentInfo> {
        @Override
        public DeploymentInfo create(Instance<Object> lookup, Parameters params) {
            return new DeploymentInfo(List.of(params.get("spis", String[].class)));
        }
    }

    private static AnnotationInfo qualifier(InjectionPointInfo ip) {
        for (AnnotationInfo a : ip.qualifiers()) {
            if (a.declaration().name().equals(DynamicInject.class.getName())) {
                return a;
            }
        }
        return null;
    }

    private static String member(AnnotationInfo annotation, String name) {
        AnnotationMember m = annotation.hasMember(name) ? annotation.member(name) : null;
        return m == null ? "" : m.asString();
    }

    private static RouteType routeType(AnnotationInfo annotation) {
        AnnotationMember m = annotation.hasMember("type") ? annotation.member("type") : null;
        return m == null ? RouteType.ID : RouteType.valueOf(m.asEnumConstant());
    }

    static TypeShape shape(Type type) {
        if (type.isClass()) {
            ClassInfo c = type.asClass().declaration();
            return new TypeShape(TypeShape.Kind.CLASS, c.name(), c.isInterface(), List.of());
        }
        if (type.isParameterizedType()) {
            ClassInfo c = type.asParameterizedType().declaration();
            List<TypeShape> args = new ArrayList<>();
            for (Type a : type.asParameterizedType().typeArguments()) {
                args.add(shape(a));
            }
            return new TypeShape(TypeShape.Kind.PARAMETERIZED, c.name(), c.isInterface(), args);
        }
        return new TypeShape(TypeShape.Kind.OTHER, type.toString(), false, List.of());
    }

    private static String where(DeclarationInfo declaration) {
        if (declaration.isField()) {
            FieldInfo f = declaration.asField();
            return "field " + f.declaringClass().name() + "." + f.name();
        }
        if (declaration.isParameter()) {
            ParameterInfo p = declaration.asParameter();
            String method = p.declaringMethod().isConstructor() ? "constructor " + p.declaringMethod().declaringClass().name() + "()"
                    : "method " + p.declaringMethod().declaringClass().name() + "." + p.declaringMethod().name() + "()";
            return "parameter " + p.name() + " of " + method;
        }
        return declaration.toString();
    }
}
