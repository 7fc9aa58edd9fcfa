package dev.mixlog.logback;

import java.util.Iterator;

/** Values an application may log by mistake, each misbehaving in its own way. */
final class OddValues {
    private OddValues() {
    }

    /** {@code toString()} throws. */
    static Object throwingToString() {
        return new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no text for you");
            }
        };
    }

    /** {@code toString()} recurses until the stack overflows. */
    static Object recursingToString() {
        return new Object() {
            @Override
            public String toString() {
                return "me: " + this;
            }
        };
    }

    /** {@code toString()} returns {@code null}. */
    static Object nullToString() {
        return new Object() {
            @Override
            public String toString() {
                return null;
            }
        };
    }

    /** A {@link CharSequence} whose {@code length()} throws, though its {@code toString()} works. */
    static CharSequence throwingLength() {
        return new CharSequence() {
            @Override public int length() { throw new UnsupportedOperationException("length unknown"); }
            @Override public char charAt(int index) { throw new UnsupportedOperationException(); }
            @Override public CharSequence subSequence(int start, int end) { throw new UnsupportedOperationException(); }
            @Override public String toString() { return "a lazy sequence"; }
        };
    }

    /** A {@link Number} whose every conversion throws. */
    static Number throwingNumber() {
        return new Number() {
            private static final long serialVersionUID = 1L;
            @Override public int intValue() { throw new ArithmeticException("no value"); }
            @Override public long longValue() { throw new ArithmeticException("no value"); }
            @Override public float floatValue() { throw new ArithmeticException("no value"); }
            @Override public double doubleValue() { throw new ArithmeticException("no value"); }
            @Override public String toString() { throw new ArithmeticException("no text"); }
        };
    }

    /** An {@link Iterable} that never ends. */
    static Iterable<Object> endless() {
        return () -> new Iterator<Object>() {
            private long next;
            @Override public boolean hasNext() { return true; }
            @Override public Object next() { return next++; }
        };
    }

    /** An {@link Iterable} whose iterator fails half-way. */
    static Iterable<Object> failingIterable() {
        return () -> new Iterator<Object>() {
            private int next;
            @Override public boolean hasNext() { return true; }
            @Override public Object next() {
                if (next == 3) {
                    throw new java.util.ConcurrentModificationException("changed while read");
                }
                return next++;
            }
        };
    }

    /** An enum constant whose {@code toString()} throws. */
    enum Secretive {
        HIDDEN {
            @Override
            public String toString() {
                throw new UnsupportedOperationException("not for display");
            }
        }
    }
}
