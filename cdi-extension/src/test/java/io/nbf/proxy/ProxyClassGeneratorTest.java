package io.nbf.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.api.ServiceNotFoundException;
import io.nbf.cdi.testspi.Kitchen;
import io.nbf.dispatch.DirectDispatcher;
import io.nbf.modules.registry.ServiceRegistry;
import io.nbf.route.Route;
import io.nbf.userspi.Greeter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The class files {@link ProxyClassGenerator} writes, read back with ASM (unshaded on the test class path): a
 * current version with stack map frames, and exactly the nbf classes {@link ProxyClasses}' loader takes from
 * nbf's loader.
 */
class ProxyClassGeneratorTest {

    @Test
    void aJava17ClassFileWithStackMapFrames() {
        ProxyClassGenerator.Generated g = ProxyClassGenerator.generate(Shapes.class);
        assertThat(g.name).startsWith(ProxyClassGenerator.PACKAGE + "Shapes$NbfProxy");
        assertThat(((g.bytes[6] & 0xff) << 8) | (g.bytes[7] & 0xff)).as("major version").isEqualTo(61);
        ClassReader reader = new ClassReader(g.bytes);
        assertThat(reader.getClassName()).isEqualTo(g.name.replace('.', '/'));
        assertThat(reader.getSuperName()).isEqualTo(Type.getInternalName(GeneratedProxy.class));
        assertThat(reader.getInterfaces()).containsExactly(Type.getInternalName(Shapes.class));
        assertThat(reader.getAccess() & (Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL)).isEqualTo(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL);
        assertThat(new String(g.bytes, StandardCharsets.ISO_8859_1)).contains("StackMapTable");
        assertThat(g.methods).hasSize(Shapes.class.getMethods().length);
    }

    @Test
    void theNbfClassesItRefersToAreThoseTheProxyLoaderTakesFromNbf() {
        for (Class<?> spi : new Class<?>[] {Shapes.class, Kitchen.class, Greeter.class}) {
            ProxyClassGenerator.Generated g = ProxyClassGenerator.generate(spi);
            Set<String> spis = new TreeSet<>(Set.of(spi.getName(), g.name)); // the SPI's own and the class itself
            for (Method m : spi.getMethods()) {
                addDescriptor(spis, Type.getMethodDescriptor(m));
            }
            Set<String> nbf = new TreeSet<>();
            for (String name : referencedClasses(g.bytes)) {
                if (name.startsWith("io.nbf.") && !spis.contains(name)) {
                    nbf.add(name);
                }
            }
            assertThat(nbf).as(spi.getName()).isEqualTo(new TreeSet<>(ProxyClassGenerator.NBF_REFERENCES));
        }
    }

    @Test
    void aPublicSpiWithANonPublicSignatureTypeFallsBackToAJdkProxy() {
        assertThatThrownBy(() -> ProxyClassGenerator.generate(TakesHidden.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-public type");
        TakesHidden t = new Router(new ServiceRegistry(), DirectDispatcher.INSTANCE).proxy(TakesHidden.class, Route.DEFAULT);
        assertThat(t).isNotInstanceOf(GeneratedProxy.class);
        assertThatThrownBy(() -> t.take(null)).isInstanceOf(ServiceNotFoundException.class);
    }

    /** A public SPI that cannot be implemented from another package. */
    public interface TakesHidden {
        void take(Hidden h);
    }

    static final class Hidden {
    }

    /** @return the binary names of the classes the class file names: its supertypes, owners, and types in instructions and descriptors */
    private static Set<String> referencedClasses(byte[] bytes) {
        Set<String> names = new TreeSet<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                names.add(superName.replace('/', '.'));
                for (String i : interfaces) {
                    names.add(i.replace('/', '.'));
                }
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                addDescriptor(names, descriptor);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        add(names, Type.getObjectType(type));
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                        names.add(Type.getObjectType(owner).getClassName());
                        addDescriptor(names, descriptor);
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                        names.add(Type.getObjectType(owner).getClassName());
                        addDescriptor(names, "()" + descriptor);
                    }
                };
            }
        }, 0);
        return names;
    }

    private static void addDescriptor(Set<String> names, String methodDescriptor) {
        Type method = Type.getMethodType(methodDescriptor);
        for (Type t : method.getArgumentTypes()) {
            add(names, t);
        }
        add(names, method.getReturnType());
    }

    private static void add(Set<String> names, Type t) {
        Type element = t.getSort() == Type.ARRAY ? t.getElementType() : t;
        if (element.getSort() == Type.OBJECT) {
            names.add(element.getClassName());
        }
    }
}
