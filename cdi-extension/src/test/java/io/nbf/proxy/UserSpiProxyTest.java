package io.nbf.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbf.dispatch.CallSite;
import io.nbf.dispatch.DirectDispatcher;
import io.nbf.modules.BundleEngine;
import io.nbf.modules.EngineConfig;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.modules.testing.BundleJar;
import io.nbf.route.Route;
import io.nbf.userspi.Greeter;
import io.nbf.userspi.Greeting;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * An application's SPI in a package under {@code io.nbf} ({@code io.nbf.userspi}) gets a generated proxy whose
 * class loader takes the SPI and its signature types from the SPI's loader: here a loader of the application's
 * own that defines {@code io.nbf.userspi} itself, while nbf's loader sees namesakes of those classes.
 */
class UserSpiProxyTest {

    private static final String IMPL = "package u;\n"
            + "import io.nbf.userspi.*;\n"
            + "public class U implements Greeter {\n"
            + " public Greeting greet(Greeting who) { return new Greeting(\"hello \" + who.text()); }\n"
            + " public ClassLoader greetingLoader() { return Greeting.class.getClassLoader(); }\n"
            + "}\n";

    @Test
    void aUserSpiUnderIoNbfIsProxiedByAGeneratedClassResolvingThroughTheSpisLoader() throws Exception {
        ClassLoader application = new Application(getClass().getClassLoader());
        Class<?> greeter = Class.forName(Greeter.class.getName(), false, application);
        Class<?> greeting = Class.forName(Greeting.class.getName(), false, application);
        assertThat(greeter).isNotSameAs(Greeter.class);
        assertThat(greeting).isNotSameAs(Greeting.class);
        try (BundleEngine engine = new BundleEngine(EngineConfig.builder().hostClassLoader(application)
                .export("io.nbf.userspi").build())) {
            engine.deploy(BundleJar.bundle("user", "1.0").source("u.U", IMPL).service(Greeter.class.getName(), "u.U").build());
            Object proxy = new Router(engine.registry(), DirectDispatcher.INSTANCE).proxy(greeter, Route.id("user"));

            assertThat(proxy).as("not the JDK fallback").isInstanceOf(GeneratedProxy.class);
            assertThat(proxy.getClass().getName()).startsWith("io.nbf.proxy.generated.Greeter$NbfProxy");
            assertThat(proxy.getClass().getInterfaces()).containsExactly(greeter);
            Object hello = greeter.getMethod("greet", greeting).invoke(proxy, greeting.getConstructor(String.class).newInstance("ann"));
            assertThat(hello.getClass()).isSameAs(greeting);
            assertThat(greeting.getMethod("text").invoke(hello)).isEqualTo("hello ann");
            assertThat(greeter.getMethod("greetingLoader").invoke(proxy)).isSameAs(application);

            ClassLoader proxies = proxy.getClass().getClassLoader();
            assertThat(Class.forName(greeting.getName(), false, proxies)).as("a signature type").isSameAs(greeting);
            for (Class<?> nbf : new Class<?>[] {GeneratedProxy.class, ServiceEntry.class, CallSite.class}) {
                assertThat(Class.forName(nbf.getName(), false, proxies)).as("nbf's").isSameAs(nbf);
            }
        }
    }

    /** An application's class loader that defines {@code io.nbf.userspi} itself; all else comes from the parent. */
    private static final class Application extends ClassLoader {
        private static final String PACKAGE = "io.nbf.userspi.";

        static {
            registerAsParallelCapable();
        }

        Application(ClassLoader parent) {
            super("application", parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
