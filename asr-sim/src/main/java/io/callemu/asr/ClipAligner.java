package io.callemu.asr;

import io.callemu.asr.audio.PcmAudio;
import io.callemu.asr.vad.EnergyVad;
import io.callemu.asr.vad.VadSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Places a clip's transcript on its speech: a detector pass over the whole clip finds the voiced
 * stretches, and the words are laid over their joined time in proportion to their natural length,
 * so a clip with two sentences split by a pause gives each stretch its own words.
 */
final class ClipAligner {

    private ClipAligner() {
    }

    /** The words timed on the stream, the clip starting at {@code clipStartMs}; empty when the clip holds no speech. */
    static List<SpokenWord> align(PcmAudio clip, List<String> words, WordSource source, long clipStartMs,
                                  VadSettings settings) {
        List<long[]> segments = speech(clip, settings);
        long voicedMs = 0;
        for (long[] s : segments) {
            voicedMs += s[1] - s[0];
        }
        if (words.isEmpty() || voicedMs == 0) {
            return List.of();
        }
        // lay the words over the voiced time as if it were one stretch, then map each word into its segment
        List<SpokenWord> joined = SpeakingRate.spread(words, 0, Ticks.fromMillis(voicedMs), source);
        List<SpokenWord> out = new ArrayList<>(joined.size());
        for (SpokenWord w : joined) {
            long[] seg = segmentAt(segments, w.startTicks());
            long shift = Ticks.fromMillis(clipStartMs + seg[0]) - seg[2];
            long segEnd = Ticks.fromMillis(clipStartMs + seg[1]);
            long start = w.startTicks() + shift;
            out.add(new SpokenWord(w.text(), start, Math.min(w.endTicks() + shift, segEnd), source));
        }
        return out;
    }

    /** Voiced stretches as {startMs, endMs, voiced ticks before this stretch}. */
    private static List<long[]> speech(PcmAudio clip, VadSettings settings) {
        EnergyVad vad = new EnergyVad(settings);
        List<long[]> segments = new ArrayList<>();
        short[] samples = clip.samples();
        long before = 0;
        long startMs = -1;
        for (int off = 0; off + EnergyVad.FRAME_SAMPLES <= samples.length; off += EnergyVad.FRAME_SAMPLES) {
            int flags = vad.process(samples, off, off / PcmAudio.SAMPLES_PER_MILLI);
            if ((flags & EnergyVad.SPEECH_STARTED) != 0) {
                startMs = vad.speechStartMillis();
            } else if ((flags & EnergyVad.SPEECH_ENDED) != 0) {
                before = close(segments, startMs, vad.speechEndMillis(), before);
            }
        }
        if ((vad.flush() & EnergyVad.SPEECH_ENDED) != 0) {
            close(segments, startMs, vad.speechEndMillis(), before);
        }
        return segments;
    }

    private static long close(List<long[]> segments, long startMs, long endMs, long voicedBefore) {
        segments.add(new long[] {startMs, endMs, voicedBefore});
        return voicedBefore + Ticks.fromMillis(endMs - startMs);
    }

    private static long[] segmentAt(List<long[]> segments, long voicedTicks) {
        for (int i = segments.size() - 1; i > 0; i--) {
            if (segments.get(i)[2] <= voicedTicks) {
                return segments.get(i);
            }
        }
        return segments.get(0);
    }
}
