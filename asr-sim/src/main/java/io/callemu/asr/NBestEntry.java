package io.callemu.asr;

import io.callemu.asr.text.TextForms;
import java.util.List;

/** One alternative of a final result: its confidence (0..1), its text forms and its timed words. */
public record NBestEntry(double confidence, TextForms forms, List<Word> words) {

    public NBestEntry {
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
        }
        words = List.copyOf(words);
    }
}
