package org.vnextract.segment;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.vnextract.internal.Validate;

/**
 * Reads {@code vi-vocab}, a Java-serialized {@code HashSet<String>}, through an {@link
 * ObjectInputFilter} that admits only {@code HashSet}, {@code String} and the {@code Map.Entry[]}
 * table check HashSet makes while reading: any other class in the stream (a gadget in a tampered
 * file) is rejected before it is instantiated, so reading the file cannot run code.
 *
 * <p>Stateless; thread-safe.
 */
public final class VocabReader {
    /** Bounds for the stream: vi-vocab has 34,203 strings in 526,544 bytes. */
    static final int MAX_ENTRIES = 2_000_000;
    static final long MAX_BYTES = 64L << 20;

    private VocabReader() {}

    /** The filter: HashSet, String and HashSet's table check only, depth ≤ 2, bounded size. */
    static ObjectInputFilter filter() {
        return info -> {
            if (info.depth() > 2 || info.references() > MAX_ENTRIES + 10 || info.streamBytes() > MAX_BYTES) {
                return ObjectInputFilter.Status.REJECTED;
            }
            Class<?> c = info.serialClass();
            if (c == null) {
                return ObjectInputFilter.Status.UNDECIDED;
            }
            if (c == HashSet.class || c == String.class) {
                return ObjectInputFilter.Status.ALLOWED;
            }
            // HashSet.readObject checks its table size with the filter as Map.Entry[] (no object is made)
            if (c == Map.Entry[].class && info.arrayLength() >= 0 && info.arrayLength() <= 4L * MAX_ENTRIES) {
                return ObjectInputFilter.Status.ALLOWED;
            }
            return ObjectInputFilter.Status.REJECTED;
        };
    }

    /**
     * The words of the stream, in no particular order.
     * @throws IOException when the stream is not a serialized set of strings or holds another class
     */
    public static List<String> read(InputStream in) throws IOException {
        Validate.notNull(in, "in");
        try (ObjectInputStream ois = new ObjectInputStream(new BufferedInputStream(in))) {
            ois.setObjectInputFilter(filter());
            Object o = ois.readObject();
            if (!(o instanceof HashSet<?> set)) {
                throw new IOException("vocabulary stream holds " + (o == null ? "null" : o.getClass().getName())
                        + ", not a HashSet");
            }
            List<String> out = new ArrayList<>(set.size());
            for (Object e : set) {
                if (!(e instanceof String s)) {
                    throw new IOException("vocabulary entry is not a string");
                }
                out.add(s);
            }
            return out;
        } catch (InvalidClassException e) {
            throw new IOException("vocabulary stream rejected (only HashSet<String> is allowed): " + e.getMessage(), e);
        } catch (ClassNotFoundException e) {
            throw new IOException("vocabulary stream names an unknown class: " + e.getMessage(), e);
        }
    }
}
