package io.callemu.asr;

/**
 * A choice that heard speech selected.
 *
 * @param label            the choice's label
 * @param matchedPhrase    the configured phrase that matched, as configured ("Customer help")
 * @param recognizedPhrase the words heard that matched it, lexical: lower case, no punctuation, numbers
 *                         spelled ("customer help"), as the service's {@code recognizedPhrase} shows them
 */
public record ChoiceMatch(String label, String matchedPhrase, String recognizedPhrase) {
}
