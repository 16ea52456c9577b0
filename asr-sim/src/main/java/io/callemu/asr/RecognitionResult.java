package io.callemu.asr;

import java.util.List;

/**
 * A final result: one per phrase, or one per timeout or failure.
 *
 * @param status        what the service would report
 * @param offsetTicks   where the phrase's speech begins, from the recognition's start (for timeouts: where the timer fired)
 * @param durationTicks the speech without leading and trailing silence (0 for timeouts and errors)
 * @param nBest         1–3 alternatives for {@link RecognitionStatus#SUCCESS}, the intended one first; empty otherwise
 * @param speakerRawId  who spoke (a communication identifier rawId), or null when unknown
 * @param errorDetails  why an {@link RecognitionStatus#ERROR} happened, otherwise null
 */
public record RecognitionResult(
        RecognitionStatus status,
        long offsetTicks,
        long durationTicks,
        List<NBestEntry> nBest,
        String speakerRawId,
        String errorDetails) {

    public RecognitionResult {
        nBest = List.copyOf(nBest);
        if ((status == RecognitionStatus.SUCCESS) == nBest.isEmpty()) {
            throw new IllegalArgumentException("a Success has 1..3 alternatives and nothing else has any: " + status);
        }
    }

    static RecognitionResult withoutSpeech(RecognitionStatus status, long offsetTicks, long durationTicks,
                                           String speakerRawId, String errorDetails) {
        return new RecognitionResult(status, offsetTicks, durationTicks, List.of(), speakerRawId, errorDetails);
    }

    /** The chosen alternative; only for a Success. */
    public NBestEntry best() {
        if (nBest.isEmpty()) {
            throw new IllegalStateException("a " + status.wireName() + " result has no recognised text");
        }
        return nBest.get(0);
    }

    /** The {@code DisplayText}: the best alternative's display form for a Success, otherwise empty. */
    public String displayText() {
        return nBest.isEmpty() ? "" : nBest.get(0).forms().display();
    }
}
