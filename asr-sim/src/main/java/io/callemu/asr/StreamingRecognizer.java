package io.callemu.asr;

import io.callemu.asr.audio.PcmAudio;
import io.callemu.asr.text.InverseTextNormalizer;
import io.callemu.asr.text.Lexical;
import io.callemu.asr.text.ProfanityFilter;
import io.callemu.asr.text.ProfanityMode;
import io.callemu.asr.vad.EnergyVad;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A simulated speech recognizer for one audio stream, driven entirely by the stream clock.
 *
 * <p>The caller moves the stream forward, single-threaded: {@link #pushFrame} adds 20 ms of 16 kHz
 * audio at the current position, {@link #advanceTo} lets time pass without audio (silence), and
 * {@link #schedule} puts scripted speech on the timeline. Speech comes from the voice activity
 * detector or from the script; what was said comes from the script, or from a transcript given beside
 * the audio ({@link #pushAudio}, {@link #expectTranscript}). Every event reaches the
 * {@link RecognitionListener} in stream-time order from inside these calls. No wall clock is read:
 * the same input, configuration and seed give the same events.
 *
 * <p>A single-shot recognizer (the default) ends after its first final result and then ignores input;
 * a continuous one keeps producing phrases and re-arms its timeouts after each result.
 */
public final class StreamingRecognizer {

    /** Default length of scripted speech that says nothing recognisable. */
    static final long UNRECOGNISABLE_SPEECH_MS = 800;
    private static final long SEED_MIX = 0x9E3779B97F4A7C15L;

    private record Boundary(long atMs, boolean start) {
    }

    private final RecognizerConfig config;
    private final RecognitionListener listener;
    private final EnergyVad vad;
    private final Segmenter segmenter;
    private final WordQueue words = new WordQueue();
    private final ArrayDeque<Boundary> script = new ArrayDeque<>();
    private final short[] byteFrame = new short[EnergyVad.FRAME_SAMPLES];
    private long positionMs;
    private long scriptEndMs;
    private int phraseIndex;

    public StreamingRecognizer(RecognizerConfig config, RecognitionListener listener) {
        this.config = config;
        this.listener = listener;
        this.vad = new EnergyVad(config.vad());
        this.segmenter = new Segmenter(config, new Decisions());
    }

    /** The stream clock: how far audio and time have been pushed, in milliseconds from stream start. */
    public long positionMillis() {
        return positionMs;
    }

    /** True once a single-shot recognizer produced its result, after {@link #finish()} or an error. */
    public boolean isDone() {
        return segmenter.isDone();
    }

    /**
     * Puts a scripted utterance on the timeline. Utterances come in stream order and do not overlap,
     * and none starts before the current position.
     */
    public void schedule(Utterance utterance) {
        if (utterance.startMillis() < Math.max(positionMs, scriptEndMs)) {
            throw new IllegalArgumentException("utterance at " + utterance.startMillis() + " ms starts before "
                    + (scriptEndMs > positionMs ? "the previous utterance ends (" + scriptEndMs + " ms)"
                    : "the stream position (" + positionMs + " ms)"));
        }
        Lexical lexical = Lexical.of(utterance.text());
        long duration = utterance.durationMillis() != null ? utterance.durationMillis()
                : lexical.isEmpty() ? UNRECOGNISABLE_SPEECH_MS : SpeakingRate.millis(lexical.words());
        long endMs = utterance.startMillis() + duration;
        WordSource source = new WordSource(speaker(utterance.speakerRawId()), utterance.confidence(), lexical.casing());
        if (!lexical.isEmpty()) {
            words.addTimed(SpeakingRate.spread(lexical.words(), Ticks.fromMillis(utterance.startMillis()),
                    Ticks.fromMillis(endMs), source));
        }
        script.add(new Boundary(utterance.startMillis(), true));
        script.add(new Boundary(endMs, false));
        scriptEndMs = endMs;
    }

    /**
     * Pushes a whole clip at the current position, with what is said in it; the words are aligned to the
     * speech the detector finds in the clip. A last partial frame is padded with silence.
     */
    public void pushAudio(PcmAudio clip, String transcript, String speakerRawId) {
        Lexical lexical = Lexical.of(transcript == null ? "" : transcript);
        WordSource source = new WordSource(speaker(speakerRawId), null, lexical.casing());
        words.addTimed(ClipAligner.align(clip, lexical.words(), source, positionMs, config.vad()));
        short[] s = clip.samples();
        int whole = s.length - s.length % EnergyVad.FRAME_SAMPLES;
        for (int off = 0; off < whole; off += EnergyVad.FRAME_SAMPLES) {
            pushFrame(s, off);
        }
        if (whole < s.length) {
            short[] last = new short[EnergyVad.FRAME_SAMPLES];
            System.arraycopy(s, whole, last, 0, s.length - whole);
            pushFrame(last, 0);
        }
    }

    /**
     * Says what the next phrase detected in pushed frames contains, when the audio arrives frame by frame
     * and its end is not known. The words are spread over that phrase's speech when it ends.
     */
    public void expectTranscript(String transcript, String speakerRawId) {
        Lexical lexical = Lexical.of(transcript == null ? "" : transcript);
        words.addUntimed(lexical.words(), new WordSource(speaker(speakerRawId), null, lexical.casing()));
    }

    /** Pushes 20 ms of 16 kHz mono audio ({@value EnergyVad#FRAME_SAMPLES} samples from {@code offset}). */
    public void pushFrame(short[] samples, int offset) {
        if (offset < 0 || offset + EnergyVad.FRAME_SAMPLES > samples.length) {
            throw new IllegalArgumentException("a frame is " + EnergyVad.FRAME_SAMPLES + " samples; only "
                    + Math.max(0, samples.length - offset) + " from offset " + offset);
        }
        long start = positionMs;
        long end = start + EnergyVad.FRAME_MILLIS;
        if (!segmenter.isDone()) {
            runScriptUntil(end);
            int flags = vad.process(samples, offset, start);
            applyVad(flags, start, end);
            segmenter.advance(end);
        }
        positionMs = end;
    }

    /** Pushes 20 ms of 16 kHz mono audio as 640 bytes of little-endian 16-bit PCM (the ACS media streaming layout). */
    public void pushFrame(byte[] pcm16le, int offset) {
        if (offset < 0 || offset + 2 * EnergyVad.FRAME_SAMPLES > pcm16le.length) {
            throw new IllegalArgumentException("a frame is " + 2 * EnergyVad.FRAME_SAMPLES + " bytes; only "
                    + Math.max(0, pcm16le.length - offset) + " from offset " + offset);
        }
        for (int i = 0; i < EnergyVad.FRAME_SAMPLES; i++) {
            int at = offset + 2 * i;
            byteFrame[i] = (short) ((pcm16le[at + 1] << 8) | (pcm16le[at] & 0xff));
        }
        pushFrame(byteFrame, 0);
    }

    /** Lets stream time pass without audio up to {@code streamMillis}; scripted speech and timers run on. */
    public void advanceTo(long streamMillis) {
        if (streamMillis < positionMs) {
            throw new IllegalArgumentException("cannot go back in stream time from " + positionMs + " ms to "
                    + streamMillis + " ms");
        }
        if (!segmenter.isDone()) {
            runScriptUntil(streamMillis);
            applyVad(vad.silenceUntil(streamMillis), positionMs, streamMillis);
            segmenter.advance(streamMillis);
        }
        positionMs = streamMillis;
    }

    /**
     * The input is over (a REST body ended, the caller hung up): scripted speech up to the current
     * position plays out, the phrase in progress is final now, and a single shot that heard no speech
     * ends in a timeout. Nothing is recognised afterwards.
     */
    public void finish() {
        if (segmenter.isDone()) {
            return;
        }
        runScriptUntil(positionMs);
        applyVad(vad.flush(), positionMs, positionMs);
        segmenter.endOfAudio(positionMs);
    }

    /** The recognizer fails now: an {@link RecognitionStatus#ERROR} result, then nothing more. */
    public void fail(String details) {
        if (segmenter.isDone()) {
            return;
        }
        listener.recognized(RecognitionResult.withoutSpeech(RecognitionStatus.ERROR, Ticks.fromMillis(positionMs), 0,
                config.defaultSpeakerRawId(), details));
        segmenter.stop();
    }

    private void runScriptUntil(long ms) {
        while (!script.isEmpty() && script.peek().atMs() <= ms && !segmenter.isDone()) {
            Boundary b = script.poll();
            segmenter.advance(b.atMs());
            if (b.start()) {
                segmenter.speechStarted(b.atMs());
            } else {
                segmenter.speechEnded(b.atMs());
            }
        }
    }

    private void applyVad(int flags, long fromMs, long toMs) {
        if ((flags & EnergyVad.SPEECH_STARTED) != 0) {
            segmenter.speechStarted(vad.speechStartMillis());
        }
        if ((flags & EnergyVad.SPEECH_ENDED) != 0) {
            segmenter.speechEnded(vad.speechEndMillis());
        }
        if ((flags & EnergyVad.NOISE) != 0) {
            segmenter.noise(fromMs, toMs);
        }
    }

    private String speaker(String rawId) {
        return rawId != null ? rawId : config.defaultSpeakerRawId();
    }

    /** Turns the segmenter's timing decisions into listener events with content. */
    private final class Decisions implements Segmenter.Sink {

        @Override
        public void phraseStarted(long startMs) {
            listener.speechStarted(Ticks.fromMillis(startMs));
        }

        @Override
        public void hypothesisDue(long phraseStartMs, long atMs) {
            List<SpokenWord> heard = words.heardBy(Ticks.fromMillis(phraseStartMs), Ticks.fromMillis(atMs));
            if (heard.isEmpty()) {
                return;
            }
            List<String> lexical = texts(heard);
            ProfanityFilter profanity = config.profanity();
            // masked: the service withholds hypotheses with profanity; removed: it strips it
            if (profanity.mode() == ProfanityMode.MASKED && profanity.containsProfanity(lexical)) {
                return;
            }
            List<String> shown = profanity.apply(InverseTextNormalizer.apply(lexical));
            if (shown.isEmpty()) {
                return;
            }
            List<Word> timed = new ArrayList<>(heard.size());
            heard.forEach(w -> timed.add(w.toWord()));
            listener.hypothesis(new Hypothesis(String.join(" ", shown), Ticks.fromMillis(phraseStartMs),
                    Ticks.fromMillis(atMs - phraseStartMs), timed, heard.get(0).source().speakerRawId()));
        }

        @Override
        public void phraseEnded(long startMs, long speechEndMs, long atMs) {
            List<SpokenWord> said = words.takePhrase(Ticks.fromMillis(startMs), Ticks.fromMillis(speechEndMs));
            long offset = Ticks.fromMillis(startMs);
            long duration = Ticks.fromMillis(speechEndMs - startMs);
            listener.speechEnded(Ticks.fromMillis(speechEndMs));
            String speaker = said.isEmpty() ? config.defaultSpeakerRawId() : said.get(0).source().speakerRawId();
            RecognitionResult result = said.isEmpty() ? null : success(said, offset, duration, speaker);
            listener.recognized(result != null ? result
                    : RecognitionResult.withoutSpeech(RecognitionStatus.NO_MATCH, offset, duration, speaker, null));
        }

        @Override
        public void noSpeech(RecognitionStatus status, long atMs) {
            listener.recognized(RecognitionResult.withoutSpeech(status, Ticks.fromMillis(atMs), 0,
                    config.defaultSpeakerRawId(), null));
        }

        /** A Success, or null when nothing is left to show (profanity alone, removed). */
        private RecognitionResult success(List<SpokenWord> said, long offset, long duration, String speaker) {
            Map<String, String> casing = new HashMap<>();
            said.forEach(w -> w.source().casing().forEach(casing::putIfAbsent));
            SplittableRandom random = new SplittableRandom(config.seed() + SEED_MIX * ++phraseIndex);
            List<NBestEntry> nBest = Alternatives.of(said, casing, config.profanity(),
                    said.get(0).source().confidence(), random);
            if (nBest.get(0).forms().isBlank()) {
                return null;
            }
            return new RecognitionResult(RecognitionStatus.SUCCESS, offset, duration, nBest, speaker, null);
        }

        private List<String> texts(List<SpokenWord> said) {
            List<String> out = new ArrayList<>(said.size());
            said.forEach(w -> out.add(w.text()));
            return out;
        }
    }
}
