package io.callemu.asr;

/** A choice that heard speech selected: its label, the configured phrase that matched, and the phrase as spoken. */
public record ChoiceMatch(String label, String matchedPhrase, String recognizedPhrase) {
}
