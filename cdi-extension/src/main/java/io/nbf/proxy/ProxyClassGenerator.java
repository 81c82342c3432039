package io.nbf.proxy;

import io.nbf.dispatch.CallSite;
import io.nbf.modules.registry.ServiceEntry;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
 * Written as a version 49 class file: with no stack map frames to compute, the writer stays a page of code
 * and needs no bytecode library; the JVM verifies such classes with its type-inferring verifier.
 * Thread-safe (stateless apart from a name counter).
 */
final class ProxyClassGenerator {

    static final String SUPER = internal(GeneratedProxy.class);
    private static final String ENTRY = internal(ServiceEntry.class);
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
     *         type in a method signature, is not public), or a method has too many parameters
     */
    static Generated generate(Class<?> spi) {
        if (!spi.isInterface() || !Modifier.isPublic(spi.getModifiers())) {
            throw new IllegalArgumentException(spi + " is not a public interface");
        }
        List<Method> methods = new ArrayList<>();
        Map<String, Method> seen = new LinkedHashMap<>();
        for (Method m : spi.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String key = m.getName() + descriptor(m);
            if (seen.putIfAbsent(key, m) == null) {
                requirePublic(m);
                methods.add(m);
            }
        }
        String name = "io/nbf/routing/generated/" + spi.getSimpleName() + "$NbfProxy" + SEQUENCE.incrementAndGet();
        ClassWriter cw = new ClassWriter();
        int thisClass = cw.cls(name);
        int superClass = cw.cls(SUPER);
        int spiClass = cw.cls(internal(spi));
        List<byte[]> methodBytes = new ArrayList<>();
        methodBytes.add(constructor(cw));
        for (int i = 0; i < methods.size(); i++) {
            methodBytes.add(method(cw, spi, methods.get(i), i, spiClass));
        }
        return new Generated(name.replace('/', '.'), cw.toBytes(thisClass, superClass, spiClass, methodBytes),
                methods.toArray(new Method[0]));
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
        if (m.getParameterCount() > 100) {
            throw new IllegalArgumentException(m + " has too many parameters");
        }
    }

    private static byte[] constructor(ClassWriter cw) {
        Code c = new Code();
        c.op(0x2a); // aload_0
        c.op(0x2b); // aload_1
        c.op(0x2c); // aload_2
        c.op(0xb7).u2(cw.methodref(SUPER, "<init>", "(" + desc(CallSite.class) + "[" + desc(Method.class) + ")V"));
        c.op(0xb1); // return
        return cw.method(0x0001, "<init>", "(" + desc(CallSite.class) + "[" + desc(Method.class) + ")V",
                c, 3, 3, null);
    }

    private static byte[] method(ClassWriter cw, Class<?> spi, Method m, int index, int spiClass) {
        Class<?>[] params = m.getParameterTypes();
        Class<?> ret = m.getReturnType();
        int[] slots = new int[params.length];
        int next = 1;
        for (int i = 0; i < params.length; i++) {
            slots[i] = next;
            next += size(params[i]);
        }
        int entry = next;
        int previous = next + 1;
        int result = next + 2;
        int thrown = result + (ret == void.class ? 0 : size(ret));
        int maxLocals = thrown + 1;
        if (maxLocals > 255) {
            throw new IllegalArgumentException(m + " needs too many locals");
        }
        Code c = new Code();
        // ServiceEntry e = fastEntry(); if (e == null) goto slow;
        c.op(0x2a).op(0xb6).u2(cw.methodref(SUPER, "fastEntry", "()" + "L" + ENTRY + ";"));
        c.op(0x3a).u1(entry); // astore
        c.op(0x19).u1(entry); // aload
        int toSlow = c.branch(0xc6); // ifnull
        // ClassLoader previous = swap(e);
        c.op(0x19).u1(entry);
        c.op(0xb8).u2(cw.methodref(SUPER, "swap", "(L" + ENTRY + ";)" + desc(ClassLoader.class)));
        c.op(0x3a).u1(previous);
        int tryStart = c.position();
        c.op(0x19).u1(entry);
        c.op(0xb6).u2(cw.methodref(ENTRY, "instance", "()" + desc(Object.class)));
        c.op(0xc0).u2(spiClass); // checkcast Spi
        for (int i = 0; i < params.length; i++) {
            load(c, params[i], slots[i]);
        }
        Class<?> owner = m.getDeclaringClass();
        int argSlots = 1;
        for (Class<?> p : params) {
            argSlots += size(p);
        }
        c.op(0xb9).u2(cw.imethodref(internal(owner), m.getName(), descriptor(m))).u1(argSlots).u1(0); // invokeinterface
        if (ret != void.class) {
            store(c, ret, result);
        }
        int tryEnd = c.position();
        // finally, normal path: restore(previous, e); return result;
        c.op(0x19).u1(previous).op(0x19).u1(entry);
        int restore = cw.methodref(SUPER, "restore", "(" + desc(ClassLoader.class) + "L" + ENTRY + ";)V");
        c.op(0xb8).u2(restore);
        if (ret != void.class) {
            load(c, ret, result);
        }
        c.op(returnOp(ret));
        // finally, exceptional path
        int handler = c.position();
        c.op(0x3a).u1(thrown);
        c.op(0x19).u1(previous).op(0x19).u1(entry);
        c.op(0xb8).u2(restore);
        c.op(0x19).u1(thrown);
        c.op(0xbf); // athrow
        // slow: return (R) slow(index, new Object[] {args...});
        c.patch(toSlow, c.position());
        c.op(0x2a);
        c.pushInt(cw, index);
        c.pushInt(cw, params.length);
        c.op(0xbd).u2(cw.cls("java/lang/Object")); // anewarray
        for (int i = 0; i < params.length; i++) {
            c.op(0x59); // dup
            c.pushInt(cw, i);
            load(c, params[i], slots[i]);
            box(cw, c, params[i]);
            c.op(0x53); // aastore
        }
        c.op(0xb6).u2(cw.methodref(SUPER, "slow", "(I[" + desc(Object.class) + ")" + desc(Object.class)));
        unbox(cw, c, ret);
        c.op(returnOp(ret));
        int maxStack = 10 + 2 * params.length;
        return cw.method(0x0001, m.getName(), descriptor(m), c, maxStack, maxLocals, new int[] {tryStart, tryEnd, handler});
    }

    private static void load(Code c, Class<?> t, int slot) {
        c.op(t == long.class ? 0x16 : t == float.class ? 0x17 : t == double.class ? 0x18
                : t.isPrimitive() ? 0x15 : 0x19).u1(slot);
    }

    private static void store(Code c, Class<?> t, int slot) {
        c.op(t == long.class ? 0x37 : t == float.class ? 0x38 : t == double.class ? 0x39
                : t.isPrimitive() ? 0x36 : 0x3a).u1(slot);
    }

    private static int returnOp(Class<?> t) {
        if (t == void.class) {
            return 0xb1;
        }
        return t == long.class ? 0xad : t == float.class ? 0xae : t == double.class ? 0xaf : t.isPrimitive() ? 0xac : 0xb0;
    }

    private static int size(Class<?> t) {
        return t == long.class || t == double.class ? 2 : 1;
    }

    private static final Map<Class<?>, Class<?>> BOXES = new HashMap<>();

    static {
        BOXES.put(boolean.class, Boolean.class);
        BOXES.put(byte.class, Byte.class);
        BOXES.put(char.class, Character.class);
        BOXES.put(short.class, Short.class);
        BOXES.put(int.class, Integer.class);
        BOXES.put(long.class, Long.class);
        BOXES.put(float.class, Float.class);
        BOXES.put(double.class, Double.class);
    }

    private static void box(ClassWriter cw, Code c, Class<?> t) {
        if (t.isPrimitive()) {
            Class<?> box = BOXES.get(t);
            c.op(0xb8).u2(cw.methodref(internal(box), "valueOf", "(" + desc(t) + ")" + desc(box)));
        }
    }

    private static void unbox(ClassWriter cw, Code c, Class<?> t) {
        if (t == void.class) {
            c.op(0x57); // pop
        } else if (t.isPrimitive()) {
            Class<?> box = BOXES.get(t);
            c.op(0xc0).u2(cw.cls(internal(box)));
            c.op(0xb6).u2(cw.methodref(internal(box), t.getName() + "Value", "()" + desc(t)));
        } else if (t != Object.class) {
            c.op(0xc0).u2(cw.cls(t.isArray() ? desc(t) : internal(t)));
        }
    }

    static String internal(Class<?> c) {
        return c.getName().replace('.', '/');
    }

    private static String desc(Class<?> c) {
        return MethodType.methodType(c).toMethodDescriptorString().substring(2);
    }

    private static String descriptor(Method m) {
        return MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString();
    }

    /** A method body under construction. */
    private static final class Code {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Code op(int opcode) {
            bytes.write(opcode);
            return this;
        }

        Code u1(int v) {
            bytes.write(v);
            return this;
        }

        Code u2(int v) {
            bytes.write(v >>> 8);
            bytes.write(v);
            return this;
        }

        int position() {
            return bytes.size();
        }

        /** Writes a branch with a placeholder offset; returns its position for {@link #patch}. */
        int branch(int opcode) {
            int at = position();
            op(opcode).u2(0);
            return at;
        }

        void patch(int branchAt, int target) {
            byte[] b = bytes.toByteArray();
            int offset = target - branchAt;
            b[branchAt + 1] = (byte) (offset >>> 8);
            b[branchAt + 2] = (byte) offset;
            bytes.reset();
            bytes.write(b, 0, b.length);
        }

        void pushInt(ClassWriter cw, int v) {
            if (v >= -1 && v <= 5) {
                op(0x03 + v); // iconst_<v>
            } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
                op(0x10).u1(v); // bipush
            } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
                op(0x11).u2(v); // sipush
            } else {
                throw new IllegalArgumentException("constant " + v + " out of range");
            }
        }

        byte[] toBytes() {
            return bytes.toByteArray();
        }
    }

    /** The constant pool and the class file layout. */
    private static final class ClassWriter {
        private final ByteArrayOutputStream pool = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(pool);
        private final Map<String, Integer> constants = new HashMap<>();
        private int count = 1;

        int utf8(String s) {
            return constant("U" + s, () -> {
                out.writeByte(1);
                out.writeUTF(s);
            });
        }

        int cls(String internalName) {
            int name = utf8(internalName);
            return constant("C" + internalName, () -> {
                out.writeByte(7);
                out.writeShort(name);
            });
        }

        int methodref(String owner, String name, String descriptor) {
            return ref(10, owner, name, descriptor);
        }

        int imethodref(String owner, String name, String descriptor) {
            return ref(11, owner, name, descriptor);
        }

        private int ref(int tag, String owner, String name, String descriptor) {
            int c = cls(owner);
            int n = utf8(name);
            int d = utf8(descriptor);
            int nat = constant("N" + name + ":" + descriptor, () -> {
                out.writeByte(12);
                out.writeShort(n);
                out.writeShort(d);
            });
            return constant(tag + owner + "." + name + descriptor, () -> {
                out.writeByte(tag);
                out.writeShort(c);
                out.writeShort(nat);
            });
        }

        private interface Writer {
            void write() throws IOException;
        }

        private int constant(String key, Writer writer) {
            Integer index = constants.get(key);
            if (index != null) {
                return index;
            }
            try {
                writer.write();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            constants.put(key, count);
            return count++;
        }

        /** @param tryBlock {start, end, handler} of a catch-all handler, or {@code null} */
        byte[] method(int access, String name, String descriptor, Code code, int maxStack, int maxLocals, int[] tryBlock) {
            int nameIndex = utf8(name);
            int descIndex = utf8(descriptor);
            int codeName = utf8("Code");
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (DataOutputStream d = new DataOutputStream(b)) {
                byte[] body = code.toBytes();
                d.writeShort(access);
                d.writeShort(nameIndex);
                d.writeShort(descIndex);
                d.writeShort(1); // attributes: Code
                d.writeShort(codeName);
                int handlers = tryBlock == null ? 0 : 1;
                d.writeInt(2 + 2 + 4 + body.length + 2 + 8 * handlers + 2);
                d.writeShort(maxStack);
                d.writeShort(maxLocals);
                d.writeInt(body.length);
                d.write(body);
                d.writeShort(handlers);
                if (tryBlock != null) {
                    d.writeShort(tryBlock[0]);
                    d.writeShort(tryBlock[1]);
                    d.writeShort(tryBlock[2]);
                    d.writeShort(0); // any throwable
                }
                d.writeShort(0); // no code attributes
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return b.toByteArray();
        }

        byte[] toBytes(int thisClass, int superClass, int spiClass, List<byte[]> methods) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (DataOutputStream d = new DataOutputStream(b)) {
                out.flush();
                d.writeInt(0xCAFEBABE);
                d.writeShort(0);
                d.writeShort(49); // Java 5: no stack map frames needed
                d.writeShort(count);
                d.write(pool.toByteArray());
                d.writeShort(0x0001 | 0x0010 | 0x0020); // public final super
                d.writeShort(thisClass);
                d.writeShort(superClass);
                d.writeShort(1);
                d.writeShort(spiClass);
                d.writeShort(0); // fields
                d.writeShort(methods.size());
                for (byte[] m : methods) {
                    d.write(m);
                }
                d.writeShort(0); // attributes
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return b.toByteArray();
        }
    }
}
