package dev.mixlog.core.internal.json;

import java.io.OutputStream;
import java.util.Arrays;

/** A reusable, growable byte buffer: the consumer writes each event into one without reallocating. */
public final class ByteSink extends OutputStream {
    private byte[] bytes;
    private int size;

    public ByteSink(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    @Override
    public void write(int b) {
        ensure(size + 1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensure(size + length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    public int size() {
        return size;
    }

    public void reset() {
        size = 0;
    }

    /** The internal array; valid up to {@link #size()}. */
    public byte[] array() {
        return bytes;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int capacity) {
        if (capacity > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
        }
    }
}
