package io.callemu.asr;

import java.util.List;

/**
 * An intermediate (unstable) result about every 300 ms of speech: the words heard so far in their
 * masked ITN form (written, uncapitalised, unpunctuated: "pay $20 on march 4"), with the phrase's offset
 * and the duration heard so far, in 100-ns ticks from the recognition's start.
 */
public record Hypothesis(String text, long offsetTicks, long durationTicks, List<Word> words, String speakerRawId) {

    public Hypothesis {
        words = List.copyOf(words);
    }
}
