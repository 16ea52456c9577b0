package io.callemu.asr.text;

/** What an inverse-normalised token is; the profanity filter and the display formatter act on it. */
enum TokenKind {
    /** An ordinary word, as spoken. */
    WORD,
    /** A cardinal, decimal or negative number, a digit string or a percentage. */
    NUMBER,
    /** An ordinal in digits ("21st"). */
    ORDINAL,
    /** An amount of money ("$20.50"). */
    MONEY,
    /** A telephone number ("425-555-1212"). */
    PHONE,
    /** A clock time ("3:30 PM"). */
    TIME,
    /** A calendar date ("march 4", displayed "March 4"). */
    DATE,
    /** An e-mail address. */
    EMAIL,
    /** A web address ("www.contoso.com"). */
    WEB_ADDRESS
}
