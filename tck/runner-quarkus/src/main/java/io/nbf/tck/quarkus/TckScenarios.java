package io.nbf.tck.quarkus;

import io.nbf.tck.TckTest;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * Runs the TCK's scenarios (the {@code @Test} methods of the suite's {@code *Tck} classes) inside this
 * Quarkus application, as Arquillian would in a container: a new instance of the test class per
 * scenario, its {@code @Inject} fields filled from ArC, then the method. The scenarios call their setup
 * themselves ({@code clean()}), so no JUnit lifecycle is needed. One scenario at a time: they share the
 * TCK's signals, config source and bundle directory.
 */
@ApplicationScoped
public class TckScenarios {

    @Inject
    BeanManager beanManager;

    private volatile List<String> scenarios;

    /** @return every scenario, {@code <test class>#<method>}, in a stable order */
    public List<String> scenarios() {
        List<String> s = scenarios;
        if (s == null) {
            List<String> found = new ArrayList<>();
            for (String className : testClasses()) {
                Class<?> c = load(className);
                Arrays.stream(c.getDeclaredMethods())
                        .filter(m -> m.isAnnotationPresent(Test.class))
                        .map(Method::getName)
                        .sorted()
                        .forEach(m -> found.add(className + "#" + m));
            }
            scenarios = s = List.copyOf(found);
        }
        return s;
    }

    /** @return the scenario's result; never throws for a failing scenario */
    public synchronized ScenarioResult run(String scenario) {
        int hash = scenario.indexOf('#');
        if (hash < 0 || !scenarios().contains(scenario)) {
            throw new IllegalArgumentException("no such TCK scenario: " + scenario);
        }
        Class<?> testClass = load(scenario.substring(0, hash));
        CreationalContext<?> context = beanManager.createCreationalContext(null);
        // A scenario starts with no current span, as a test does in the other modes: over HTTP (the
        // packaged-jar tests) it would otherwise run in the request's server span, and the spans of nbf's
        // calls would be children of it instead of roots.
        Scope noSpan = Context.root().makeCurrent();
        try {
            Object test = testClass.getDeclaredConstructor().newInstance();
            inject(test, context);
            Method method = testClass.getDeclaredMethod(scenario.substring(hash + 1));
            method.setAccessible(true);
            method.invoke(test);
            return new ScenarioResult(ScenarioResult.Status.PASSED, "");
        } catch (InvocationTargetException e) {
            return outcome(e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return outcome(e);
        } finally {
            noSpan.close();
            context.release();
            Thread.interrupted(); // a scenario may leave the flag set (GuardTck's timeout); the next starts clean
        }
    }

    private static ScenarioResult outcome(Throwable t) {
        if (t instanceof TestAbortedException) {
            return new ScenarioResult(ScenarioResult.Status.SKIPPED, String.valueOf(t.getMessage()));
        }
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        return new ScenarioResult(ScenarioResult.Status.FAILED, trace.toString());
    }

    /** Fills the {@code @Inject} fields of a test instance, superclass fields first. */
    private void inject(Object test, CreationalContext<?> context) throws IllegalAccessException {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = test.getClass(); c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        for (Class<?> c : hierarchy) {
            for (Field f : c.getDeclaredFields()) {
                if (!f.isAnnotationPresent(Inject.class) || Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                Annotation[] qualifiers = Arrays.stream(f.getAnnotations())
                        .filter(a -> beanManager.isQualifier(a.annotationType()))
                        .toArray(Annotation[]::new);
                Bean<?> bean = beanManager.resolve(beanManager.getBeans(f.getGenericType(), qualifiers));
                if (bean == null) {
                    throw new IllegalStateException("no bean for " + c.getName() + "." + f.getName() + " of type "
                            + f.getGenericType().getTypeName() + " (removed by ArC as unused? see quarkus.arc.unremovable-types)");
                }
                f.setAccessible(true);
                f.set(test, beanManager.getReference(bean, f.getGenericType(), context));
            }
        }
    }

    /** @return the {@code *Tck} classes of the suite JAR, read from the JAR itself so none is forgotten */
    private static List<String> testClasses() {
        Path suite;
        try {
            suite = Path.of(TckTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the TCK suite JAR from " + TckTest.class, e);
        }
        TreeSet<String> names = new TreeSet<>(Comparator.naturalOrder());
        String pkg = TckTest.class.getPackageName().replace('.', '/') + "/";
        if (Files.isDirectory(suite)) {
            try (var files = Files.list(suite.resolve(pkg))) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Tck.class"))
                        .forEach(n -> names.add(TckTest.class.getPackageName() + "." + n.substring(0, n.length() - 6)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            try (JarFile jar = new JarFile(suite.toFile())) {
                for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                    String n = e.getName();
                    if (n.startsWith(pkg) && n.indexOf('/', pkg.length()) < 0 && n.endsWith("Tck.class")) {
                        names.add(n.substring(0, n.length() - 6).replace('/', '.'));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the TCK suite JAR " + suite, e);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no *Tck class in " + suite);
        }
        return List.copyOf(names);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, true, TckTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
