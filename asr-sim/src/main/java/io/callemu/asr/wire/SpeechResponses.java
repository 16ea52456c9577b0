package io.callemu.asr.wire;

import io.callemu.asr.Hypothesis;
import io.callemu.asr.NBestEntry;
import io.callemu.asr.RecognitionResult;
import io.callemu.asr.RecognitionStatus;
import java.util.List;

/**
 * The Speech-to-text result bodies: those of the REST API for short audio, which are also the
 * WebSocket protocol's {@code speech.phrase} bodies, and the WebSocket's {@code speech.hypothesis}. {@code DisplayText} appears only on a Success;
 * {@code Offset} and {@code Duration} are 100-ns ticks written as JSON numbers; {@code NBest} (detailed
 * format) keeps the intended alternative first and is left out for anything but a Success.
 */
public final class SpeechResponses {

    private SpeechResponses() {
    }

    /** {@code format=simple}: {@code {"RecognitionStatus","DisplayText","Offset","Duration"}}. */
    public static StringBuilder appendSimple(StringBuilder sb, RecognitionResult r) {
        sb.append("{\"RecognitionStatus\":\"").append(r.status().wireName()).append('"');
        if (r.status() == RecognitionStatus.SUCCESS) {
            sb.append(",\"DisplayText\":");
            Json.string(sb, r.displayText());
        }
        return sb.append(",\"Offset\":").append(r.offsetTicks())
                .append(",\"Duration\":").append(r.durationTicks()).append('}');
    }

    /** {@code format=detailed}; {@code withWords} adds each alternative's {@code Words[]} ({@code Word, Offset, Duration}). */
    public static StringBuilder appendDetailed(StringBuilder sb, RecognitionResult r, boolean withWords) {
        sb.append("{\"RecognitionStatus\":\"").append(r.status().wireName()).append('"')
                .append(",\"Offset\":").append(r.offsetTicks())
                .append(",\"Duration\":").append(r.durationTicks());
        if (r.status() == RecognitionStatus.SUCCESS) {
            sb.append(",\"DisplayText\":");
            Json.string(sb, r.displayText());
            sb.append(",\"NBest\":[");
            List<NBestEntry> nBest = r.nBest();
            for (int i = 0; i < nBest.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                appendEntry(sb, nBest.get(i), withWords);
            }
            sb.append(']');
        }
        return sb.append('}');
    }

    /**
     * A {@code speech.hypothesis} body: {@code {"Text","Offset","Duration"}}, the words heard so far (lower
     * case, unpunctuated) with the phrase's offset and the duration heard so far, in ticks.
     */
    public static StringBuilder appendHypothesis(StringBuilder sb, Hypothesis h) {
        sb.append("{\"Text\":");
        Json.string(sb, h.text());
        return sb.append(",\"Offset\":").append(h.offsetTicks())
                .append(",\"Duration\":").append(h.durationTicks()).append('}');
    }

    private static void appendEntry(StringBuilder sb, NBestEntry e, boolean withWords) {
        sb.append("{\"Confidence\":");
        Json.unitInterval(sb, e.confidence());
        sb.append(",\"Lexical\":");
        Json.string(sb, e.forms().lexical());
        sb.append(",\"ITN\":");
        Json.string(sb, e.forms().itn());
        sb.append(",\"MaskedITN\":");
        Json.string(sb, e.forms().maskedItn());
        sb.append(",\"Display\":");
        Json.string(sb, e.forms().display());
        if (withWords) {
            sb.append(",\"Words\":");
            Json.words(sb, e.words(), "{\"Word\":", ",\"Offset\":", ",\"Duration\":");
        }
        sb.append('}');
    }
}
