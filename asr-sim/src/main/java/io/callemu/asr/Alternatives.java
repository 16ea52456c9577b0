package io.callemu.asr;

import io.callemu.asr.text.Lexical;
import io.callemu.asr.text.ProfanityFilter;
import io.callemu.asr.text.TextForms;
import java.util.ArrayList;
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
        List<NBestEntry> out = new ArrayList<>(3);
        out.add(entry(words, casing, profanity, top, originTicks));
        int wanted = 1 + random.nextInt(3);
        List<List<SpokenWord>> variants = new ArrayList<>(2);
        addIfNew(variants, words, homophoneSwapped(words, random));
        if (words.size() > 1) {
            addIfNew(variants, words, words.subList(0, words.size() - 1));
        }
        if (variants.size() == 2 && random.nextBoolean()) {
            variants.add(variants.remove(0));
        }
        double conf = top;
        for (int i = 0; i < variants.size() && out.size() < wanted; i++) {
            conf *= 0.6 + 0.3 * random.nextDouble();
            NBestEntry alternative = entry(variants.get(i), casing, profanity, conf, originTicks);
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

    private static List<SpokenWord> homophoneSwapped(List<SpokenWord> words, SplittableRandom random) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (SOUNDS_ALIKE.containsKey(words.get(i).text())) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return words;
        }
        int at = candidates.get(random.nextInt(candidates.size()));
        SpokenWord w = words.get(at);
        List<SpokenWord> out = new ArrayList<>(words);
        out.set(at, new SpokenWord(SOUNDS_ALIKE.get(w.text()), w.startTicks(), w.endTicks(), w.source()));
        return out;
    }

    private static void addIfNew(List<List<SpokenWord>> variants, List<SpokenWord> top, List<SpokenWord> candidate) {
        if (!candidate.isEmpty() && !texts(candidate).equals(texts(top))) {
            variants.add(candidate);
        }
    }

    private static List<String> texts(List<SpokenWord> words) {
        return words.stream().map(SpokenWord::text).toList();
    }
}
