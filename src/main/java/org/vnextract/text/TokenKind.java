package org.vnextract.text;

/** What a token is. Domain tokens (symbols, dates, numbers) are kept whole by the tokenizer. */
public enum TokenKind {
    /** A syllable or word of letters ("Bí", "thư", "H’Drai"). */
    WORD,
    /**
     * An all-capitals abbreviation, possibly with inner dots ("HĐND", "UBND", "TP.HCM"), or a listed
     * abbreviation with its final dot ("TP.", "PGS.TS.", "v.v.").
     */
    ABBREVIATION,
    /** A number in Vietnamese or plain format ("4.595", "5,8", "224/274", "100%"). */
    NUMBER,
    /** A date written with separators ("28-6-2021", "29/6", "20.6"). */
    DATE,
    /** A party or state document symbol ("21-KL/TW", "100/2019/NĐ-CP", "03- CT/HU"). */
    SYMBOL,
    /** A URL or e-mail address. */
    LINK,
    /** Punctuation and any other single character. */
    PUNCT
}
