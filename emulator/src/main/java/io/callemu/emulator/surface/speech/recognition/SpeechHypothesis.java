package io.callemu.emulator.surface.speech.recognition;

/**
 * An intermediate result of the phrase in progress, ready for the wire.
 *
 * @param body the compact JSON body of {@code speech.hypothesis}
 */
public record SpeechHypothesis(String text, long offsetTicks, long durationTicks, String body) {
}
