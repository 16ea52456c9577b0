package io.callemu.asr;

import java.util.ArrayList;
import java.util.List;

/**
 * A natural speaking pace, for utterances given without a duration and for placing words inside
 * detected speech: 60 ms per word plus 200 ms per syllable, about 150 words a minute in everyday
 * speech (the reference's "Welcome to applied mathematics course two hundred one" of 3.45 s comes
 * out at 3.22 s).
 */
final class SpeakingRate {

    static final long MS_PER_WORD = 60;
    static final long MS_PER_SYLLABLE = 200;

    private SpeakingRate() {
    }

    static long millis(List<String> words) {
        long total = 0;
        for (String w : words) {
            total += millis(w);
        }
        return total;
    }

    static long millis(String word) {
        return MS_PER_WORD + MS_PER_SYLLABLE * syllables(word);
    }

    /** Vowel groups, less a silent final "e": crude, stable, good enough for timing. */
    static int syllables(String word) {
        int count = 0;
        boolean inVowel = false;
        for (int i = 0; i < word.length(); i++) {
            boolean vowel = "aeiouy".indexOf(word.charAt(i)) >= 0;
            if (vowel && !inVowel) {
                count++;
            }
            inVowel = vowel;
        }
        if (count > 1 && word.endsWith("e") && !word.endsWith("le")) {
            count--;
        }
        return Math.max(count, 1);
    }

    /** Lays words end to end over [startTicks, endTicks], each getting time in proportion to its natural length. */
    static List<SpokenWord> spread(List<String> words, long startTicks, long endTicks, WordSource source) {
        List<SpokenWord> out = new ArrayList<>(words.size());
        long total = millis(words);
        long span = endTicks - startTicks;
        long done = 0;
        for (String w : words) {
            long from = startTicks + span * done / total;
            done += millis(w);
            long to = startTicks + span * done / total;
            out.add(new SpokenWord(w, from, to, source));
        }
        return out;
    }
}
