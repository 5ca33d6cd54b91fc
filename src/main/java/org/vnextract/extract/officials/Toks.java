package org.vnextract.extract.officials;

import java.util.ArrayList;
import java.util.List;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Fold;
import org.vnextract.text.Sentence;
import org.vnextract.text.Token;
import org.vnextract.text.TokenKind;
import org.vnextract.text.Tokenizer;

/**
 * The tokens of one article as the officials rules read them: parallel arrays of offsets, kinds,
 * folded forms (case and tone placement ignored) and capitalisation. A word token with a capital
 * inside it ("viênThường", a missing space) is split there, so that lexicon phrases still match;
 * offsets keep pointing into the article text.
 *
 * <p>Built per article and not shared: not thread-safe, and need not be.
 */
final class Toks {
    final String text;
    final int n;
    final int[] start;
    final int[] end;
    final TokenKind[] kind;
    final String[] fold;
    final boolean[] cap;
    /** Index of the sentence each token belongs to. */
    final int[] sentence;
    /** Whether token i ends a word of the segmenter (always true when no words were given). */
    final boolean[] wordEnd;
    /** The first token of the word that holds token i. */
    final int[] wordHead;
    /** Token ranges of the sentences: {@code [sentStart[s], sentEnd[s])}. */
    final int[] sentStart;
    final int[] sentEnd;

    private Toks(String text, List<int[]> spans, List<TokenKind> kinds, List<Integer> sents, int sentences, Words words) {
        this.text = text;
        this.n = spans.size();
        start = new int[n];
        end = new int[n];
        kind = new TokenKind[n];
        fold = new String[n];
        cap = new boolean[n];
        sentence = new int[n];
        wordEnd = new boolean[n];
        wordHead = new int[n];
        sentStart = new int[sentences];
        sentEnd = new int[sentences];
        java.util.Arrays.fill(sentStart, -1);
        for (int i = 0; i < n; i++) {
            start[i] = spans.get(i)[0];
            end[i] = spans.get(i)[1];
            kind[i] = kinds.get(i);
            String s = text.substring(start[i], end[i]);
            fold[i] = foldToken(s, kind[i]);
            cap[i] = (kind[i] == TokenKind.WORD || kind[i] == TokenKind.ABBREVIATION) && Character.isUpperCase(s.charAt(0));
            int sn = sents.get(i);
            sentence[i] = sn;
            if (sentStart[sn] < 0) {
                sentStart[sn] = i;
            }
            sentEnd[sn] = i + 1;
            wordEnd[i] = words == null || words.endsWordAt(end[i]);
            wordHead[i] = i > 0 && !wordEnd[i - 1] && sentence[i - 1] == sn ? wordHead[i - 1] : i;
        }
        for (int s = 0; s < sentences; s++) {
            if (sentStart[s] < 0) {
                sentStart[s] = 0;
                sentEnd[s] = 0;
            }
        }
    }

    static String foldToken(String s, TokenKind k) {
        if (k == TokenKind.PUNCT) {
            return s;
        }
        String f = Fold.fold(s);
        if (k == TokenKind.ABBREVIATION && f.indexOf('.') >= 0) {
            f = f.replace(".", "");
        }
        return f.isEmpty() ? s : f;
    }

    /** The tokens of {@code t}; {@code words} (may be null: every token a word) marks the segmenter's words. */
    static Toks of(AnalyzedText t, Words words) {
        String text = t.text();
        List<int[]> spans = new ArrayList<>(t.tokens().size() + 8);
        List<TokenKind> kinds = new ArrayList<>(t.tokens().size() + 8);
        List<Integer> sents = new ArrayList<>(t.tokens().size() + 8);
        List<Sentence> ss = t.sentences();
        for (int s = 0; s < ss.size(); s++) {
            Sentence sen = ss.get(s);
            for (int k = sen.firstToken(); k < sen.endToken(); k++) {
                Token tok = t.tokens().get(k);
                int from = tok.start();
                if (tok.kind() == TokenKind.WORD) {
                    for (int c = tok.start() + 1; c < tok.end(); c++) {
                        if (Character.isUpperCase(text.charAt(c)) && Character.isLowerCase(text.charAt(c - 1))) {
                            spans.add(new int[] {from, c});
                            kinds.add(TokenKind.WORD);
                            sents.add(s);
                            from = c;
                        }
                    }
                }
                spans.add(new int[] {from, tok.end()});
                kinds.add(tok.kind());
                sents.add(s);
            }
        }
        return new Toks(text, spans, kinds, sents, ss.size(), words);
    }

    /** The folded tokens of a lexicon phrase, tokenized like article text. */
    static List<String> foldPhrase(String phrase) {
        List<Token> out = new ArrayList<>();
        new Tokenizer().tokenize(phrase, 0, phrase.length(), out);
        List<String> f = new ArrayList<>(out.size());
        for (Token tok : out) {
            f.add(foldToken(phrase.substring(tok.start(), tok.end()), tok.kind()));
        }
        return f;
    }

    boolean isWord(int i) {
        return kind[i] == TokenKind.WORD;
    }

    /** A capitalised syllable: a word starting with an upper-case letter. */
    boolean isCapWord(int i) {
        return kind[i] == TokenKind.WORD && cap[i];
    }

    boolean isPunct(int i, char c) {
        return kind[i] == TokenKind.PUNCT && end[i] - start[i] == 1 && text.charAt(start[i]) == c;
    }

    /** Whether there is white space between token {@code i} and the next one. */
    boolean spaceAfter(int i) {
        return i + 1 < n && start[i + 1] > end[i];
    }

    /**
     * A name that ends before token {@code e} ends on a word boundary: when the segmenter's word goes
     * on past it, the end moves to the word's end if the word started inside the name with a
     * capital ("Bộ Tài" + "chính": Tài_chính), else back to the word's start ("… Chính phủ" +
     * "thành": thành_lập). {@code from} is the name's first token, {@code limit} the sentence end.
     */
    int snapEnd(int from, int e, int limit) {
        if (e <= from || e >= limit || wordEnd[e - 1]) {
            return e;
        }
        int head = wordHead[e - 1];
        if (cap[head]) {
            // a capitalised word goes on in lower case ("Tài_chính"); one merged with the next
            // capitalised word ("Mỹ_Donald", a proper-name run) is left as the rules cut it
            int k = e;
            while (k < limit && !wordEnd[k - 1] && kind[k] == TokenKind.WORD && !cap[k]) {
                k++;
            }
            return wordEnd[k - 1] ? k : e;
        }
        return head > from ? head : e;
    }

    String text(int from, int to) {
        return text.substring(start[from], end[to - 1]);
    }
}
