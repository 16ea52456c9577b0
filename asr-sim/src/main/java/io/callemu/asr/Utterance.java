package io.callemu.asr;

/**
 * A scripted utterance: what the caller says and when, on the stream timeline.
 *
 * @param text          what is said, as a script would write it ("Pay $5 to 555-1212."); empty means speech
 *                      nothing can be recognised in (a NoMatch)
 * @param startMillis   where the speech starts, from stream start
 * @param durationMillis how long it lasts, or null to derive it from the words at a natural speaking rate
 * @param confidence    the top alternative's confidence (0..1), or null for a seeded plausible value
 * @param speakerRawId  who says it (a communication identifier rawId), or null
 */
public record Utterance(String text, long startMillis, Long durationMillis, Double confidence, String speakerRawId) {

    public Utterance {
        if (text == null) {
            throw new IllegalArgumentException("an utterance needs text (empty for unrecognisable speech)");
        }
        if (startMillis < 0) {
            throw new IllegalArgumentException("utterance start must not be negative: " + startMillis);
        }
        if (durationMillis != null && durationMillis <= 0) {
            throw new IllegalArgumentException("utterance duration must be positive: " + durationMillis);
        }
        if (confidence != null && !(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
        }
    }

    /** {@code text} said at {@code startMillis}, at a natural pace, with a seeded confidence and no speaker. */
    public static Utterance at(long startMillis, String text) {
        return new Utterance(text, startMillis, null, null, null);
    }
}
