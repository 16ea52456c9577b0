package io.callemu.asr.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Inverse text normalisation (ITN): lexical words to their written form, as the Speech service's
 * documented examples show ("that will cost nine hundred dollars" → "that will cost $900", "six forty
 * five p m" → "6:45 PM", "support at help dot com" → "support@help.com"). At each word the grammars
 * are tried in a fixed order: addresses, times, dates, money, phone numbers and digit strings, then
 * the other numbers; a word no grammar takes stays as it is. Nothing is capitalised or punctuated
 * (that is the display form's job) beyond what a written entity needs ("PM", "$", "@").
 */
public final class InverseTextNormalizer {

    /** Words that can start an entity besides numbers and months: signs, "the fourth of …", schemes, "w w w". */
    private static final Set<String> STARTERS = Set.of("minus", "negative", "plus", "double", "the", "h", "w");
    /** Words after which the word before may start an address: "john at …", "contoso dot com", "john dot smith …". */
    private static final Set<String> ADDRESS_JOINERS = Set.of("at", "dot", "underscore", "dash", "hyphen");

    private InverseTextNormalizer() {
    }

    /** The ITN text of each token for lexical words; numbers collapse, so there may be fewer tokens than words. */
    public static List<String> apply(List<String> words) {
        List<ItnToken> tokens = tokens(words);
        List<String> out = new ArrayList<>(tokens.size());
        tokens.forEach(t -> out.add(t.itn()));
        return out;
    }

    /** The typed ITN tokens for lexical words. */
    static List<ItnToken> tokens(List<String> words) {
        List<ItnToken> out = new ArrayList<>(words.size());
        int i = 0;
        while (i < words.size()) {
            String previous = i > 0 ? words.get(i - 1) : "";
            boolean afterNumber = !out.isEmpty() && out.get(out.size() - 1).kind() != TokenKind.WORD;
            if (!mayStartEntity(words, i)) {
                out.add(ItnToken.word(words.get(i))); // most words: no grammar could take them
                i++;
                continue;
            }
            int used = Addresses.match(words, i, out);
            if (used == 0) {
                used = ClockTimes.match(words, i, previous, out);
            }
            if (used == 0) {
                used = Dates.match(words, i, out);
            }
            if (used == 0) {
                used = Money.match(words, i, afterNumber, out);
            }
            if (used == 0) {
                used = PhoneNumbers.match(words, i, out);
            }
            if (used == 0) {
                used = Cardinals.match(words, i, previous, afterNumber, out);
            }
            if (used == 0) {
                out.add(ItnToken.word(words.get(i)));
                used = 1;
            }
            i += used;
        }
        return out;
    }

    /** Whether any grammar could start at word {@code i}; a cheap test that spares ordinary words the grammars. */
    private static boolean mayStartEntity(List<String> words, int i) {
        String w = words.get(i);
        return NumberWords.isNumberWord(w) || NumberWords.cardinalOfOrdinal(w) != null || Dates.month(w) >= 0
                || STARTERS.contains(w) || (i + 1 < words.size() && ADDRESS_JOINERS.contains(words.get(i + 1)));
    }
}
