package io.callemu.asr;

import io.callemu.asr.text.Lexical;
import io.callemu.asr.text.ProfanityFilter;
import io.callemu.asr.text.TextForms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds a phrase's N-best list: the intended words first, then up to two plausible mishearings (a
 * homophone swapped in, or the last word lost), each less confident than the one before. How many
 * there are, which are chosen and the generated confidences come from the seeded random source.
 */
final class Alternatives {

    private static final Map<String, String> SOUNDS_ALIKE = Map.ofEntries(
            Map.entry("to", "two"), Map.entry("two", "to"), Map.entry("too", "two"),
            Map.entry("for", "four"), Map.entry("four", "for"), Map.entry("there", "their"),
            Map.entry("their", "there"), Map.entry("right", "write"), Map.entry("write", "right"),
            Map.entry("no", "know"), Map.entry("know", "no"), Map.entry("one", "won"), Map.entry("eight", "ate"),
            Map.entry("here", "hear"), Map.entry("hear", "here"), Map.entry("by", "buy"), Map.entry("buy", "by"),
            Map.entry("bill", "build"), Map.entry("yes", "yeah"), Map.entry("pay", "play"), Map.entry("pin", "pen"),
            Map.entry("confirm", "confirmed"), Map.entry("cancel", "counsel"), Map.entry("hello", "hollow"));

    private Alternatives() {
    }

    /**
     * 1–3 entries; {@code confidence} is the top entry's, or null for a seeded one in 0.80..0.97; word
     * offsets count from {@code originTicks}.
     */
    static List<NBestEntry> of(List<SpokenWord> words, Map<String, String> casing, ProfanityFilter profanity,
                               Double confidence, SplittableRandom random, long originTicks) {
        double top = confidence != null ? confidence : 0.80 + 0.17 * random.nextDouble();
        NBestEntry intended = entry(words, casing, profanity, top, originTicks);
        int wanted = 1 + random.nextInt(3);
        if (wanted == 1) {
            return List.of(intended);
        }
        List<SpokenWord> swapped = homophoneSwapped(words, random);
        List<SpokenWord> shortened = words.size() > 1 ? words.subList(0, words.size() - 1) : null;
        List<SpokenWord> first = swapped != null ? swapped : shortened;
        List<SpokenWord> second = swapped != null ? shortened : null;
        if (second != null && random.nextBoolean()) {
            List<SpokenWord> t = first;
            first = second;
            second = t;
        }
        List<NBestEntry> out = new ArrayList<>(wanted);
        out.add(intended);
        double conf = top;
        for (List<SpokenWord> variant : Arrays.asList(first, second)) {
            if (variant == null || out.size() == wanted) {
                break;
            }
            conf *= 0.6 + 0.3 * random.nextDouble();
            NBestEntry alternative = entry(variant, casing, profanity, conf, originTicks);
            if (!alternative.forms().isBlank()) {
                out.add(alternative);
            }
        }
        return out;
    }

    private static NBestEntry entry(List<SpokenWord> words, Map<String, String> casing, ProfanityFilter profanity,
                                    double confidence, long originTicks) {
        List<String> texts = new ArrayList<>(words.size());
        List<Word> timed = new ArrayList<>(words.size());
        for (SpokenWord w : words) {
            texts.add(w.text());
            timed.add(w.toWord(originTicks));
        }
        return new NBestEntry(confidence, TextForms.of(Lexical.ofWords(texts, casing), profanity), timed);
    }

    /** The words with one sound-alike swapped in, chosen at random; null when none has one. */
    private static List<SpokenWord> homophoneSwapped(List<SpokenWord> words, SplittableRandom random) {
        int candidates = 0;
        for (SpokenWord w : words) {
            candidates += SOUNDS_ALIKE.containsKey(w.text()) ? 1 : 0;
        }
        if (candidates == 0) {
            return null;
        }
        int pick = random.nextInt(candidates);
        List<SpokenWord> out = new ArrayList<>(words);
        for (int i = 0; i < words.size(); i++) {
            SpokenWord w = words.get(i);
            if (SOUNDS_ALIKE.containsKey(w.text()) && pick-- == 0) {
                out.set(i, new SpokenWord(SOUNDS_ALIKE.get(w.text()), w.startTicks(), w.endTicks(), w.source()));
                break;
            }
        }
        return out;
    }
}
