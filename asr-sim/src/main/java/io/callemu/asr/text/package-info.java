/**
 * The text forms of a recognition: {@link io.callemu.asr.text.Lexical} says written script text as
 * words, {@link io.callemu.asr.text.InverseTextNormalizer} writes spoken words back (numbers, money,
 * phone numbers, times, dates, ordinals, e-mail and web addresses, one grammar class each, both
 * directions side by side), and {@link io.callemu.asr.text.TextForms} derives Lexical, ITN, MaskedITN
 * and Display from the same lexical words so they always agree.
 */
package io.callemu.asr.text;
