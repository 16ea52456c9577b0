package io.callemu.asr;

import java.util.List;

/** One option of an ACS {@code choices} recognize: a label and the phrases that select it. */
public record Choice(String label, List<String> phrases) {

    public Choice {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a choice needs a label");
        }
        if (phrases == null || phrases.isEmpty() || phrases.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new IllegalArgumentException("choice '" + label + "' needs at least one non-blank phrase");
        }
        phrases = List.copyOf(phrases);
    }
}
