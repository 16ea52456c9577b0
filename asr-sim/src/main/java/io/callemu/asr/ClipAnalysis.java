package io.callemu.asr;

import io.callemu.asr.audio.PcmAudio;
import io.callemu.asr.vad.EnergyVad;
import io.callemu.asr.vad.VadSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * What a whole clip holds, found by a detector pass over it before it is put on the timeline: its
 * stretches of speech and of noise, and its transcript's words placed on the speech. The words are
 * laid over the voiced time as if it were one stretch, in proportion to their natural length, then
 * each lands in its own stretch, so a clip with two sentences split by a pause gives each its words.
 */
final class ClipAnalysis {

    /** A stretch of the clip, in stream milliseconds. */
    record Stretch(long startMs, long endMs, Activity activity) {
    }

    private final List<Stretch> stretches;
    private final List<SpokenWord> words;

    private ClipAnalysis(List<Stretch> stretches, List<SpokenWord> words) {
        this.stretches = stretches;
        this.words = words;
    }

    List<Stretch> stretches() {
        return stretches;
    }

    List<SpokenWord> words() {
        return words;
    }

    /** Analyses {@code clip} as starting at {@code clipStartMs}, its {@code words} said by {@code source}. */
    static ClipAnalysis of(PcmAudio clip, long clipStartMs, List<String> words, WordSource source, VadSettings settings) {
        List<Stretch> stretches = detect(clip, clipStartMs, settings);
        return new ClipAnalysis(stretches, align(stretches, words, source));
    }

    private static List<Stretch> detect(PcmAudio clip, long clipStartMs, VadSettings settings) {
        EnergyVad vad = new EnergyVad(settings);
        List<Stretch> out = new ArrayList<>();
        short[] samples = clip.samples();
        short[] frame = new short[EnergyVad.FRAME_SAMPLES];
        long noiseFrom = -1;
        long noiseTo = -1;
        long speechFrom = -1;
        for (int off = 0; off < samples.length; off += EnergyVad.FRAME_SAMPLES) {
            int n = Math.min(EnergyVad.FRAME_SAMPLES, samples.length - off);
            short[] source = samples;
            int at = off;
            if (n < EnergyVad.FRAME_SAMPLES) {
                System.arraycopy(samples, off, frame, 0, n); // the last partial frame, padded with silence
                source = frame;
                at = 0;
            }
            long frameStart = clipStartMs + off / PcmAudio.SAMPLES_PER_MILLI;
            int flags = vad.process(source, at, frameStart);
            if ((flags & EnergyVad.SPEECH_STARTED) != 0) {
                speechFrom = vad.speechStartMillis();
                if (noiseFrom >= 0) {
                    addNoise(out, noiseFrom, Math.min(noiseTo, speechFrom));
                    noiseFrom = -1;
                }
            } else if ((flags & EnergyVad.NOISE) != 0) {
                if (noiseFrom < 0) {
                    noiseFrom = frameStart;
                }
                noiseTo = frameStart + EnergyVad.FRAME_MILLIS;
            } else if (noiseFrom >= 0) {
                addNoise(out, noiseFrom, noiseTo);
                noiseFrom = -1;
            }
            if ((flags & EnergyVad.SPEECH_ENDED) != 0) {
                out.add(new Stretch(speechFrom, vad.speechEndMillis(), Activity.SPEECH));
                speechFrom = -1;
            }
        }
        if ((vad.flush() & EnergyVad.SPEECH_ENDED) != 0) {
            out.add(new Stretch(speechFrom, vad.speechEndMillis(), Activity.SPEECH));
        }
        if (noiseFrom >= 0) {
            addNoise(out, noiseFrom, noiseTo);
        }
        out.sort((a, b) -> Long.compare(a.startMs(), b.startMs()));
        return out;
    }

    private static void addNoise(List<Stretch> out, long from, long to) {
        if (to > from) {
            out.add(new Stretch(from, to, Activity.NOISE));
        }
    }

    private static List<SpokenWord> align(List<Stretch> stretches, List<String> words, WordSource source) {
        List<Stretch> speech = new ArrayList<>();
        long voicedMs = 0;
        for (Stretch s : stretches) {
            if (s.activity() == Activity.SPEECH) {
                speech.add(s);
                voicedMs += s.endMs() - s.startMs();
            }
        }
        if (words.isEmpty() || voicedMs == 0) {
            return List.of();
        }
        List<SpokenWord> joined = SpeakingRate.spread(words, 0, Ticks.fromMillis(voicedMs), source);
        List<SpokenWord> out = new ArrayList<>(joined.size());
        for (SpokenWord w : joined) {
            long before = 0;
            Stretch home = speech.get(0);
            long homeVoicedBefore = 0;
            for (Stretch s : speech) {
                if (Ticks.fromMillis(before) <= w.startTicks()) {
                    home = s;
                    homeVoicedBefore = before;
                }
                before += s.endMs() - s.startMs();
            }
            long shift = Ticks.fromMillis(home.startMs() - homeVoicedBefore);
            long end = Math.min(w.endTicks() + shift, Ticks.fromMillis(home.endMs()));
            out.add(new SpokenWord(w.text(), w.startTicks() + shift, end, source));
        }
        return out;
    }
}
