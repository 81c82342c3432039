package io.nbf.tck.wildfly.porting;

import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one protocol buffers message, in wire order (the
 * <a href="https://protobuf.dev/programming-guides/encoding/">binary wire format</a>): enough to decode the
 * OTLP requests {@link OtlpDecoder} reads, without protobuf-java and the generated OTLP classes, which
 * WildFly keeps in private modules ({@code com.google.protobuf}, {@code io.opentelemetry.proto}).
 *
 * <p>Use: {@code while (r.next()) switch (r.field()) { case 1 -> r.string(); ... default -> r.skip(); }}.
 * Every field must be consumed exactly once by one read method or {@link #skip()}. Not thread-safe.
 *
 * @throws IllegalArgumentException (from every method) when the bytes are not a well-formed message
 */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] buffer;
    private int position;
    private final int limit;
    private int field;
    private int wireType;

    /** @param buffer a serialised message, whole */
    ProtoReader(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    private ProtoReader(byte[] buffer, int offset, int limit) {
        this.buffer = buffer;
        this.position = offset;
        this.limit = limit;
    }

    /** Advances to the next field's tag. @return false at the end of the message */
    boolean next() {
        if (position >= limit) {
            return false;
        }
        long tag = readVarint();
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (field <= 0) {
            throw malformed("field number " + field);
        }
        return true;
    }

    /** @return the current field's number */
    int field() {
        return field;
    }

    /** @return an embedded message (wire type 2), as a reader of its own over the same bytes */
    ProtoReader message() {
        int length = length();
        ProtoReader nested = new ProtoReader(buffer, position, position + length);
        position += length;
        return nested;
    }

    /** @return a string field (UTF-8) */
    String string() {
        int length = length();
        String value = new String(buffer, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    /** @return a bytes field, copied */
    byte[] bytes() {
        int length = length();
        byte[] value = new byte[length];
        System.arraycopy(buffer, position, value, 0, length);
        position += length;
        return value;
    }

    /** @return a varint field: int32, int64, uint32, uint64, bool or enum (not sint32/sint64, which OTLP does not use) */
    long varint() {
        expect(VARINT);
        return readVarint();
    }

    /** @return a fixed64 or sfixed64 field (OTLP's timestamps, counts and {@code as_int}) */
    long fixed64() {
        expect(FIXED64);
        if (limit - position < 8) {
            throw malformed("truncated fixed64");
        }
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (buffer[position + i] & 0xFFL);
        }
        position += 8;
        return value;
    }

    /** @return a double field */
    double doubleValue() {
        return Double.longBitsToDouble(fixed64());
    }

    /** Skips the current field, whatever its wire type. */
    void skip() {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> advance(length());
            case FIXED32 -> advance(4);
            // groups (3, 4) are deprecated and absent from OTLP
            default -> throw malformed("unsupported wire type " + wireType + " of field " + field);
        }
    }

    private int length() {
        expect(LENGTH_DELIMITED);
        long length = readVarint();
        if (length < 0 || length > limit - position) {
            throw malformed("length " + length + " of field " + field + " past the end of the message");
        }
        return (int) length;
    }

    private void advance(int count) {
        if (count > limit - position) {
            throw malformed("field " + field + " past the end of the message");
        }
        position += count;
    }

    private void expect(int expected) {
        if (wireType != expected) {
            throw malformed("field " + field + " has wire type " + wireType + ", expected " + expected);
        }
    }

    private long readVarint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= limit) {
                throw malformed("truncated varint");
            }
            byte b = buffer[position++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw malformed("varint longer than 10 bytes");
    }

    private IllegalArgumentException malformed(String what) {
        return new IllegalArgumentException("malformed protobuf message at byte " + position + ": " + what);
    }
}
