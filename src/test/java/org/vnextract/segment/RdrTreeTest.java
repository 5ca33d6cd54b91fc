package org.vnextract.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RdrTreeTest {
    private static RdrTree read(String text, SyllableIds ids) throws IOException {
        return RdrTree.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ids);
    }

    private static int[] context(SyllableIds ids, String word, int tag, String prev1, int prevTag1, String next1) {
        int[] f = new int[RdrTree.FEATURES];
        java.util.Arrays.fill(f, -1);
        f[RdrTree.F_WORD] = id(ids, word);
        f[RdrTree.F_TAG] = tag;
        f[RdrTree.F_PREV_WORD1] = id(ids, prev1);
        f[RdrTree.F_PREV_TAG1] = prevTag1;
        f[RdrTree.F_NEXT_WORD1] = id(ids, next1);
        f[RdrTree.F_PREV_WORD2] = SyllableIds.BOUNDARY;
        f[RdrTree.F_NEXT_WORD2] = SyllableIds.BOUNDARY;
        f[RdrTree.F_PREV_TAG2] = RdrTree.TAG_NONE;
        f[RdrTree.F_NEXT_TAG1] = RdrTree.TAG_B;
        f[RdrTree.F_NEXT_TAG2] = RdrTree.TAG_NONE;
        return f;
    }

    private static int id(SyllableIds ids, String s) {
        char[] buf = s.toCharArray();
        return ids.find(buf, buf.length);
    }

    /**
     * Ten exceptions under one node, so the node is indexed: the first satisfied one in file order
     * must win whether it is found through the index (word conditions) or the unindexed list (tag only).
     */
    @Test
    void firstSatisfiedExceptionWinsWithTheIndex() throws IOException {
        StringBuilder t = new StringBuilder("True : object.conclusion = \"NN\"\n\tobject.tag == \"B\" : object.conclusion = \"B\"\n");
        t.append("\t\tobject.word == \"a\" and object.nextWord1 == \"z\" : object.conclusion = \"I\"\n"); // not satisfied
        t.append("\t\tobject.prevTag1 == \"I\" : object.conclusion = \"I\"\n");                            // tag only
        for (int k = 0; k < 6; k++) {
            t.append("\t\tobject.word == \"w").append(k).append("\" : object.conclusion = \"I\"\n");
        }
        t.append("\t\tobject.word == \"a\" : object.conclusion = \"I\"\n");
        t.append("\t\t\tobject.prevWord1 == \"\" : object.conclusion = \"B\"\n"); // at the sentence start
        t.append("\t\tobject.prevWord1 == \"b\" : object.conclusion = \"B\"\n");
        SyllableIds ids = new SyllableIds();
        ids.add("b");
        RdrTree tree = read(t.toString(), ids);
        assertThat(tree.nodes()).isEqualTo(13);
        // "a" after "b": the exception on word "a" (earlier) wins over the one on prevWord1 "b"
        assertThat(tree.classify(context(ids, "a", RdrTree.TAG_B, "b", RdrTree.TAG_B, "x"))).isEqualTo(RdrTree.TAG_I);
        // the tag-only exception comes first in the file and is satisfied: it wins
        assertThat(tree.classify(context(ids, "a", RdrTree.TAG_B, "b", RdrTree.TAG_I, "x"))).isEqualTo(RdrTree.TAG_I);
        // "a" at the start of a sentence: the exception of the exception fires
        int[] start = context(ids, "a", RdrTree.TAG_B, "b", RdrTree.TAG_B, "x");
        start[RdrTree.F_PREV_WORD1] = SyllableIds.BOUNDARY;
        assertThat(tree.classify(start)).isEqualTo(RdrTree.TAG_B);
        // nothing below the tag rule: its own conclusion
        assertThat(tree.classify(context(ids, "w9", RdrTree.TAG_B, "q", RdrTree.TAG_B, "x"))).isEqualTo(RdrTree.TAG_B);
        // the root's "NN" means keep the initial tag
        assertThat(tree.classify(context(ids, "w9", RdrTree.TAG_I, "q", RdrTree.TAG_B, "x"))).isEqualTo(RdrTree.TAG_KEEP);
    }

    @Test
    void malformedFilesNameTheLine() {
        assertThatThrownBy(() -> read("object.word == \"a\" : object.conclusion = \"B\"\n", new SyllableIds()))
                .isInstanceOf(IOException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> read("True : object.conclusion = \"NN\"\n\t\tobject.word == \"a\" : object.conclusion = \"B\"\n",
                new SyllableIds())).isInstanceOf(IOException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> read("True : object.conclusion = \"NN\"\n\tobject.colour == \"a\" : object.conclusion = \"B\"\n",
                new SyllableIds())).isInstanceOf(IOException.class).hasMessageContaining("unknown feature colour");
        assertThatThrownBy(() -> read("", new SyllableIds())).isInstanceOf(IOException.class).hasMessageContaining("empty");
    }
}
