package org.vnextract.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VocabReaderTest {
    private static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    @Test
    void readsASetOfStrings() throws IOException {
        List<String> words = VocabReader.read(new ByteArrayInputStream(serialize(new HashSet<>(Set.of("bí thư", "hoà bình")))));
        assertThat(words).containsExactlyInAnyOrder("bí thư", "hoà bình");
    }

    /** Stands for a gadget: any class other than HashSet and String must be refused before it is made. */
    static final class Gadget implements Serializable {
        private static final long serialVersionUID = 1L;
        static int made;

        private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
            made++;
            in.defaultReadObject();
        }
    }

    @Test
    void refusesAnyOtherClass() throws IOException {
        HashSet<Object> tampered = new HashSet<>();
        tampered.add("bí thư");
        tampered.add(new Gadget());
        byte[] bytes = serialize(tampered);
        Gadget.made = 0;
        assertThatThrownBy(() -> VocabReader.read(new ByteArrayInputStream(bytes)))
                .isInstanceOf(IOException.class).hasMessageContaining("rejected");
        assertThat(Gadget.made).isZero();
        assertThatThrownBy(() -> VocabReader.read(new ByteArrayInputStream(serialize(new ArrayList<>(List.of("a b"))))))
                .isInstanceOf(IOException.class);
        HashSet<Object> numbers = new HashSet<>(Set.of(1, 2));
        assertThatThrownBy(() -> VocabReader.read(new ByteArrayInputStream(serialize(numbers)))).isInstanceOf(IOException.class);
    }

    @Test
    void refusesGarbage() {
        assertThatThrownBy(() -> VocabReader.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4})))
                .isInstanceOf(IOException.class);
    }
}
