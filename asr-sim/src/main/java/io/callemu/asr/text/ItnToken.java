package io.callemu.asr.text;

/**
 * One token of the inverse-normalised (written) form: a word left as spoken, or several spoken words
 * joined into one written entity ("twenty dollars and fifty cents" → {@code $20.50}).
 *
 * @param kind    what the token is
 * @param itn     its ITN text: no capitals (but for entities whose written form has them, "PM") and no punctuation
 * @param display its display text, before sentence capitalisation ("March 4, 2024")
 */
record ItnToken(TokenKind kind, String itn, String display) {

    static ItnToken word(String word) {
        return new ItnToken(TokenKind.WORD, word, word);
    }

    static ItnToken of(TokenKind kind, String written) {
        return new ItnToken(kind, written, written);
    }
}
