package org.vnextract.extract.officials;

import java.util.ArrayList;
import java.util.List;
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
    /** Token ranges of the sentences: {@code [sentStart[s], sentEnd[s])}. */
    final int[] sentStart;
    final int[] sentEnd;

    private Toks(String text, List<int[]> spans, List<TokenKind> kinds, List<Integer> sents, int sentences) {
        this.text = text;
        this.n = spans.size();
        start = new int[n];
        end = new int[n];
        kind = new TokenKind[n];
        fold = new String[n];
        cap = new boolean[n];
        sentence = new int[n];
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

    static Toks of(AnalyzedText t) {
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
        return new Toks(text, spans, kinds, sents, ss.size());
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

    String text(int from, int to) {
        return text.substring(start[from], end[to - 1]);
    }
}
