package io.callemu.asr.wire;

import io.callemu.asr.Hypothesis;
import io.callemu.asr.RecognitionResult;
import io.callemu.asr.RecognitionStatus;
import io.callemu.asr.Word;
import java.util.List;

/**
 * The ACS real-time transcription WebSocket frames, written into a caller's StringBuilder exactly as
 * the reference shows them: {@code {"kind":"TranscriptionMetadata","transcriptionMetadata":{…}}} and
 * {@code {"kind":"TranscriptionData","transcriptionData":{…}}}, offsets and durations in 100-ns ticks
 * from the start of the transcription's recognition, the speaker as {@code participantRawID}. Callers reuse one builder
 * ({@code setLength(0)}) per connection.
 */
public final class TranscriptionFrames {

    private TranscriptionFrames() {
    }

    /** The first frame after transcription starts; {@code speechModelEndpointId} is left out when null. */
    public static StringBuilder appendMetadata(StringBuilder sb, String subscriptionId, String locale,
                                               String callConnectionId, String correlationId,
                                               String speechModelEndpointId) {
        sb.append("{\"kind\":\"TranscriptionMetadata\",\"transcriptionMetadata\":{\"subscriptionId\":");
        Json.string(sb, subscriptionId);
        sb.append(",\"locale\":");
        Json.string(sb, locale);
        sb.append(",\"callConnectionId\":");
        Json.string(sb, callConnectionId);
        sb.append(",\"correlationId\":");
        Json.string(sb, correlationId);
        if (speechModelEndpointId != null) {
            sb.append(",\"speechRecognitionModelEndpointId\":");
            Json.string(sb, speechModelEndpointId);
        }
        return sb.append("}}");
    }

    /** A final phrase: display text, confidence and words of the best alternative. Only for a Success. */
    public static StringBuilder appendFinal(StringBuilder sb, RecognitionResult result, ResultStatusCasing casing) {
        if (result.status() != RecognitionStatus.SUCCESS) {
            throw new IllegalArgumentException("only a Success has a transcription frame, not " + result.status());
        }
        var best = result.best();
        return appendData(sb, best.forms().display(), best.confidence(), result.offsetTicks(), result.durationTicks(),
                best.words(), result.speakerRawId(), true, casing);
    }

    /** An intermediate hypothesis (sent only when the app asked for intermediate results); confidence 0. */
    public static StringBuilder appendIntermediate(StringBuilder sb, Hypothesis hypothesis, ResultStatusCasing casing) {
        return appendData(sb, hypothesis.text(), 0.0, hypothesis.offsetTicks(), hypothesis.durationTicks(),
                hypothesis.words(), hypothesis.speakerRawId(), false, casing);
    }

    /** A TranscriptionData frame from its parts. */
    public static StringBuilder appendData(StringBuilder sb, String text, double confidence, long offsetTicks,
                                           long durationTicks, List<Word> words, String participantRawId,
                                           boolean isFinal, ResultStatusCasing casing) {
        sb.append("{\"kind\":\"TranscriptionData\",\"transcriptionData\":{\"text\":");
        Json.string(sb, text);
        sb.append(",\"format\":\"display\",\"confidence\":");
        Json.unitInterval(sb, confidence);
        sb.append(",\"offset\":").append(offsetTicks).append(",\"duration\":").append(durationTicks).append(",\"words\":");
        Json.words(sb, words, "{\"text\":", ",\"offset\":", ",\"duration\":");
        sb.append(",\"participantRawID\":");
        Json.string(sb, participantRawId);
        return sb.append(",\"resultStatus\":\"").append(casing.value(isFinal)).append("\"}}");
    }
}
