package io.nbf.cdi;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;

/**
 * What injection point validation needs of a type, taken from a {@link java.lang.reflect.Type}
 * (portable extension) or a language model type (build compatible extension), so both forms validate
 * with the same code.
 */
final class TypeShape {

    enum Kind { CLASS, PARAMETERIZED, OTHER }

    final Kind kind;
    final String name;
    final boolean isInterface;
    final List<TypeShape> arguments;

    TypeShape(Kind kind, String name, boolean isInterface, List<TypeShape> arguments) {
        this.kind = kind;
        this.name = name;
        this.isInterface = isInterface;
        this.arguments = arguments;
    }

    static TypeShape of(Type type) {
        if (type instanceof Class) {
            Class<?> c = (Class<?>) type;
            return new TypeShape(Kind.CLASS, c.getTypeName(), c.isInterface(), List.of());
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            Class<?> raw = (Class<?>) p.getRawType();
            List<TypeShape> args = new ArrayList<>();
            for (Type a : p.getActualTypeArguments()) {
                args.add(of(a));
            }
            return new TypeShape(Kind.PARAMETERIZED, raw.getName(), raw.isInterface(), args);
        }
        String what = type instanceof TypeVariable ? "type variable " : type instanceof WildcardType ? "wildcard " : type instanceof GenericArrayType ? "array " : "";
        return new TypeShape(Kind.OTHER, what + type.getTypeName(), false, List.of());
    }

    /** @return whether a bean may have this type: no wildcard or type variable anywhere in it */
    boolean isLegalBeanType() {
        return kind != Kind.OTHER && arguments.stream().allMatch(TypeShape::isLegalBeanType);
    }

    @Override
    public String toString() {
        if (kind != Kind.PARAMETERIZED) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name).append('<');
        for (int i = 0; i < arguments.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(arguments.get(i));
        }
        return sb.append('>').toString();
    }
}
