package io.nbf.proxy;

import io.nbf.dispatch.CallSite;
import io.nbf.modules.registry.ServiceEntry;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the routing proxy class of an SPI interface: a final subclass of {@link GeneratedProxy}
 * implementing the SPI, whose every method does
 *
 * <pre>
 * ServiceEntry e = fastEntry();
 * if (e == null) return (R) slow(index, new Object[] {args...});   // guarded, degraded or not found
 * ClassLoader previous = swap(e);                                   // the bundle's context class loader
 * try { return ((Spi) e.instance()).method(args...); }               // invokeinterface: no reflection
 * finally { restore(previous, e); }                                  // and the call leaves the entry
 * </pre>
 *
 * Written with ASM (shaded into nbf's JAR as {@code io.nbf.internal.asm}, so no host's ASM is involved) as a
 * Java 17 class file; ASM computes its stack map frames and its maximum stack and locals. Thread-safe
 * (stateless apart from a name counter).
 */
final class ProxyClassGenerator {

    /** The package the generated classes are named in, as a binary-name prefix. */
    static final String PACKAGE = "io.nbf.proxy.generated.";

    private static final Type SUPER = Type.getType(GeneratedProxy.class);
    private static final Type ENTRY = Type.getType(ServiceEntry.class);
    private static final Type SITE = Type.getType(CallSite.class);
    private static final Type LOADER = Type.getType(ClassLoader.class);
    private static final Type OBJECT = Type.getType(Object.class);

    /**
     * The binary names of nbf's own classes the generated code refers to, which the proxy's class loader
     * takes from nbf's loader (see {@link ProxyClasses}): the three types above, the only nbf types the
     * instructions and descriptors below name (the SPI and its signature types are the application's).
     */
    static final Set<String> NBF_REFERENCES = Set.of(SUPER.getClassName(), ENTRY.getClassName(), SITE.getClassName());

    private static final String CONSTRUCTOR = Type.getMethodDescriptor(Type.VOID_TYPE, SITE, Type.getType(Method[].class));
    private static final String FAST_ENTRY = Type.getMethodDescriptor(ENTRY);
    private static final String SWAP = Type.getMethodDescriptor(LOADER, ENTRY);
    private static final String RESTORE = Type.getMethodDescriptor(Type.VOID_TYPE, LOADER, ENTRY);
    private static final String INSTANCE = Type.getMethodDescriptor(OBJECT);
    private static final String SLOW = Type.getMethodDescriptor(OBJECT, Type.INT_TYPE, Type.getType(Object[].class));

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(boolean.class, Boolean.class, byte.class, Byte.class,
            char.class, Character.class, short.class, Short.class, int.class, Integer.class, long.class, Long.class,
            float.class, Float.class, double.class, Double.class);

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private ProxyClassGenerator() {
    }

    /** The generated class: its name, bytes, and the SPI methods in the order its constructor expects them. */
    static final class Generated {
        final String name;
        final byte[] bytes;
        final Method[] methods;

        Generated(String name, byte[] bytes, Method[] methods) {
            this.name = name;
            this.bytes = bytes;
            this.methods = methods;
        }
    }

    /**
     * @throws IllegalArgumentException if the SPI cannot be implemented from another package (it, or a
     *         type in a method signature, is not public), or its proxy would exceed a class file's limits
     */
    static Generated generate(Class<?> spi) {
        if (!spi.isInterface() || !Modifier.isPublic(spi.getModifiers())) {
            throw new IllegalArgumentException(spi + " is not a public interface");
        }
        List<Method> methods = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Method m : spi.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && seen.add(m.getName() + Type.getMethodDescriptor(m))) {
                requirePublic(m);
                methods.add(m);
            }
        }
        String name = (PACKAGE + spi.getSimpleName() + "$NbfProxy" + SEQUENCE.incrementAndGet()).replace('.', '/');
        ClassWriter cw = new ProxyClassWriter();
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null,
                SUPER.getInternalName(), new String[] {Type.getInternalName(spi)});
        constructor(cw);
        for (int i = 0; i < methods.size(); i++) {
            method(cw, spi, methods.get(i), i);
        }
        cw.visitEnd();
        byte[] bytes;
        try {
            bytes = cw.toByteArray();
        } catch (ClassTooLargeException | MethodTooLargeException e) {
            throw new IllegalArgumentException(spi + " has too many methods or parameters for a class file", e);
        }
        return new Generated(name.replace('/', '.'), bytes, methods.toArray(new Method[0]));
    }

    private static void requirePublic(Method m) {
        List<Class<?>> types = new ArrayList<>(List.of(m.getParameterTypes()));
        types.add(m.getReturnType());
        for (Class<?> t : types) {
            Class<?> c = t;
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (!c.isPrimitive() && !Modifier.isPublic(c.getModifiers())) {
                throw new IllegalArgumentException(m + " uses the non-public type " + c.getName());
            }
        }
    }

    private static void constructor(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", CONSTRUCTOR, null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, SUPER.getInternalName(), "<init>", CONSTRUCTOR, false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void method(ClassWriter cw, Class<?> spi, Method m, int index) {
        Class<?>[] params = m.getParameterTypes();
        Type ret = Type.getType(m.getReturnType());
        String descriptor = Type.getMethodDescriptor(m);
        int[] slots = new int[params.length];
        int next = 1;
        for (int i = 0; i < params.length; i++) {
            slots[i] = next;
            next += Type.getType(params[i]).getSize();
        }
        int entry = next;
        int previous = next + 1;
        Label slow = new Label();
        Label tryStart = new Label();
        Label tryEnd = new Label();
        Label handler = new Label();
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, m.getName(), descriptor, null, null);
        mv.visitCode();
        mv.visitTryCatchBlock(tryStart, tryEnd, handler, null);
        // ServiceEntry e = fastEntry(); if (e == null) goto slow;
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SUPER.getInternalName(), "fastEntry", FAST_ENTRY, false);
        mv.visitVarInsn(Opcodes.ASTORE, entry);
        mv.visitVarInsn(Opcodes.ALOAD, entry);
        mv.visitJumpInsn(Opcodes.IFNULL, slow);
        // ClassLoader previous = swap(e);
        mv.visitVarInsn(Opcodes.ALOAD, entry);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, SUPER.getInternalName(), "swap", SWAP, false);
        mv.visitVarInsn(Opcodes.ASTORE, previous);
        // try { ((Spi) e.instance()).method(args...)
        mv.visitLabel(tryStart);
        mv.visitVarInsn(Opcodes.ALOAD, entry);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, ENTRY.getInternalName(), "instance", INSTANCE, false);
        mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(spi));
        for (int i = 0; i < params.length; i++) {
            mv.visitVarInsn(Type.getType(params[i]).getOpcode(Opcodes.ILOAD), slots[i]);
        }
        // owned by the SPI even if a super-interface declares it, as javac does: resolution finds it there
        mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, Type.getInternalName(spi), m.getName(), descriptor, true);
        mv.visitLabel(tryEnd);
        // } finally { restore(previous, e); } return ...;   (the result waits on the operand stack)
        restore(mv, previous, entry);
        mv.visitInsn(ret.getOpcode(Opcodes.IRETURN));
        // the finally block on a throwable, which waits on the operand stack: restore(previous, e); throw
        mv.visitLabel(handler);
        restore(mv, previous, entry);
        mv.visitInsn(Opcodes.ATHROW);
        // slow: return (R) slow(index, new Object[] {args...});
        mv.visitLabel(slow);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        push(mv, index);
        push(mv, params.length);
        mv.visitTypeInsn(Opcodes.ANEWARRAY, OBJECT.getInternalName());
        for (int i = 0; i < params.length; i++) {
            mv.visitInsn(Opcodes.DUP);
            push(mv, i);
            mv.visitVarInsn(Type.getType(params[i]).getOpcode(Opcodes.ILOAD), slots[i]);
            box(mv, params[i]);
            mv.visitInsn(Opcodes.AASTORE);
        }
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SUPER.getInternalName(), "slow", SLOW, false);
        unbox(mv, m.getReturnType());
        mv.visitInsn(ret.getOpcode(Opcodes.IRETURN));
        mv.visitMaxs(0, 0); // computed
        mv.visitEnd();
    }

    private static void restore(MethodVisitor mv, int previous, int entry) {
        mv.visitVarInsn(Opcodes.ALOAD, previous);
        mv.visitVarInsn(Opcodes.ALOAD, entry);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, SUPER.getInternalName(), "restore", RESTORE, false);
    }

    private static void push(MethodVisitor mv, int v) {
        if (v >= -1 && v <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + v);
        } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.BIPUSH, v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.SIPUSH, v);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    private static void box(MethodVisitor mv, Class<?> t) {
        if (t.isPrimitive()) {
            Type box = Type.getType(BOXES.get(t));
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, box.getInternalName(), "valueOf",
                    Type.getMethodDescriptor(box, Type.getType(t)), false);
        }
    }

    private static void unbox(MethodVisitor mv, Class<?> t) {
        if (t == void.class) {
            mv.visitInsn(Opcodes.POP);
        } else if (t.isPrimitive()) {
            Type box = Type.getType(BOXES.get(t));
            mv.visitTypeInsn(Opcodes.CHECKCAST, box.getInternalName());
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, box.getInternalName(), t.getName() + "Value",
                    Type.getMethodDescriptor(Type.getType(t)), false);
        } else if (t != Object.class) {
            mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(t));
        }
    }

    /**
     * A class writer that never loads a class. To compute a stack map frame where paths meet, ASM asks
     * {@link #getCommonSuperClass} for the common superclass of two different reference types that the same
     * local or stack slot holds on the incoming paths, and by default answers by loading both through the
     * writer's class loader: nbf's, which need not see the SPI or bundle types (and must not load them, or
     * tie them to itself). The generated code never asks: every local holds one type along every path (this,
     * the arguments, the entry, the previous context class loader), the slow path's branch target has the
     * one incoming path, and at the handler the stack holds just the throwable, as the catch-all declares.
     * Were a future shape to merge two different object references, {@code java/lang/Object} is a
     * supertype of both and so a sound frame, as long as the merged value is used only as an Object there;
     * such a shape would have to keep it so.
     */
    private static final class ProxyClassWriter extends ClassWriter {
        ProxyClassWriter() {
            super(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        }

        @Override
        protected String getCommonSuperClass(String type1, String type2) {
            return type1.equals(type2) ? type1 : OBJECT.getInternalName();
        }
    }
}
