package io.callemu.asr;

import io.callemu.asr.audio.G711;
import io.callemu.asr.audio.G711FrameAssembler;
import io.callemu.asr.text.Lexical;
import io.callemu.asr.vad.EnergyVad;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one speaker says, on one stream clock, and the recognitions listening to it: the audio
 * front end of a call participant, of a Speech WebSocket session or of a REST request.
 *
 * <p><b>Input.</b> Scripted speech ({@link #schedule(Utterance)}) and whole clips
 * ({@link #schedule(AudioClip)}) are put on the timeline ahead of time, in stream order and without
 * overlapping; live audio arrives 20 ms at a time at the current position as 16 kHz PCM
 * ({@link #pushFrame(short[], int)}, {@link #pushFrame(byte[], int)}) or as G.711 from RTP payload types
 * 0 and 8 ({@link #pushG711}). Voice activity decides where speech is in audio (a detector pass over
 * each clip, a streaming detector over live frames); the words come from the script or from a
 * transcript: beside a clip, or queued for the next live utterance ({@link #expectTranscript}).
 * Speech and noise from all sources merge into one input that every recognition hears.
 *
 * <p><b>Recognitions.</b> {@link #startRecognition} starts one at the current stream time with its
 * own configuration, timers and listener; any number run at once (a transcription and a recognize,
 * say) and each reports offsets from its own start.
 *
 * <p><b>Time.</b> Stream time is milliseconds from the stream's creation, and only moves forward: 20 ms
 * per pushed frame, or to where {@link #advanceTo} says (time without audio is silence). No wall clock
 * is read; the same input, configurations and seeds give the same events. {@link #nextEventMillis()}
 * is the next stream time at which anything happens without new audio (a timer, a hypothesis, a
 * scheduled start or end of speech), so a caller needs one timer per stream, not one per frame.
 *
 * <p><b>Threads.</b> Single-threaded: one thread (a call's event loop) makes every call; listeners are
 * called synchronously from inside {@link #pushFrame}, {@link #pushG711} and {@link #advanceTo}, in
 * stream-time order. A listener may start, finish, fail or cancel recognitions and schedule input, but
 * must not push audio or advance time. Nothing blocks and, when no event is due, nothing is allocated.
 */
public final class SpeakerStream {

    /** {@link #nextEventMillis()} when nothing will happen without new input. */
    public static final long NO_EVENT = Long.MAX_VALUE;

    /** Scripted speech that says nothing recognisable and has no duration lasts this long. */
    static final long UNRECOGNISABLE_SPEECH_MS = 800;

    private final StreamSettings settings;
    private final EnergyVad vad;
    private final G711FrameAssembler g711 = new G711FrameAssembler();
    private final G711FrameAssembler.FrameSink g711Sink = this::pushFrame;
    private final short[] byteFrame = new short[EnergyVad.FRAME_SAMPLES];
    private final WordTimeline words = new WordTimeline();
    private final ScheduledActivity scheduled = new ScheduledActivity();
    private final List<Recognition> recognitions = new ArrayList<>();

    private long positionMs;
    /** The time of the event being handled while listeners run; the position otherwise. */
    private long nowMs;
    private boolean driving;
    private Activity live = Activity.SILENCE;
    private Activity scheduledState = Activity.SILENCE;
    private Activity merged = Activity.SILENCE;
    private long lastChangeMs;

    public SpeakerStream(StreamSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("a speaker stream needs its settings");
        }
        this.settings = settings;
        this.vad = new EnergyVad(settings.vad());
    }

    /** How far audio and time have gone, in milliseconds from the stream's creation. */
    public long positionMillis() {
        return positionMs;
    }

    /** The speaker of input that names none. */
    public String speakerRawId() {
        return settings.speakerRawId();
    }

    // --- recognitions ---

    /**
     * Starts a recognition at the current stream time (inside a listener callback: at that event's
     * time). It hears only speech that starts from now on.
     */
    public Recognition startRecognition(RecognizerConfig config, RecognitionListener listener) {
        Recognition r = new Recognition(this, config, listener, nowMs, merged);
        recognitions.add(r);
        return r;
    }

    /** Recognitions still running. */
    public int activeRecognitions() {
        int n = 0;
        for (Recognition r : recognitions) {
            n += r.isDone() ? 0 : 1;
        }
        return n;
    }

    // --- input ---

    /**
     * Puts a scripted utterance on the timeline: its words spread over its duration at a natural pace
     * (or over 800 ms of unrecognisable speech when it says nothing). It starts at or after the
     * current position and after every input already scheduled.
     */
    public void schedule(Utterance utterance) {
        requireFree(utterance.startMillis(), "utterance");
        Lexical lexical = Lexical.of(utterance.text());
        long duration = utterance.durationMillis() != null ? utterance.durationMillis()
                : lexical.isEmpty() ? UNRECOGNISABLE_SPEECH_MS : SpeakingRate.millis(lexical.words());
        long endMs = utterance.startMillis() + duration;
        WordSource source = new WordSource(speaker(utterance.speakerRawId()), utterance.confidence(), lexical.casing());
        words.addTimed(SpeakingRate.spread(lexical.words(), Ticks.fromMillis(utterance.startMillis()),
                Ticks.fromMillis(endMs), source));
        scheduled.add(utterance.startMillis(), endMs, Activity.SPEECH);
        scheduled.reserveUntil(endMs);
    }

    /**
     * Puts a whole clip on the timeline: a detector pass finds its speech and noise now, and its
     * transcript's words are laid over that speech. It starts at or after the current position and
     * after every input already scheduled, and occupies the stream for {@link AudioClip#durationMillis()}.
     */
    public void schedule(AudioClip clip) {
        requireFree(clip.startMillis(), "clip");
        Lexical lexical = Lexical.of(clip.transcript() == null ? "" : clip.transcript());
        WordSource source = new WordSource(speaker(clip.speakerRawId()), null, lexical.casing());
        ClipAnalysis analysis = ClipAnalysis.of(clip.audio(), clip.startMillis(), lexical.words(), source, settings.vad());
        words.addTimed(analysis.words());
        for (ClipAnalysis.Stretch s : analysis.stretches()) {
            scheduled.add(s.startMs(), s.endMs(), s.activity());
        }
        scheduled.reserveUntil(clip.startMillis() + clip.durationMillis());
    }

    /**
     * Says what the next utterance detected in live audio contains, when the audio arrives frame by
     * frame and its end is not known: the words are spread over the speech of the next phrase that
     * ends without words of its own.
     */
    public void expectTranscript(String transcript, String speakerRawId) {
        Lexical lexical = Lexical.of(transcript == null ? "" : transcript);
        words.addUntimed(lexical.words(), new WordSource(speaker(speakerRawId), null, lexical.casing()));
    }

    /** Pushes 20 ms of 16 kHz mono audio ({@value EnergyVad#FRAME_SAMPLES} samples from {@code offset}) at the position. */
    public void pushFrame(short[] samples, int offset) {
        if (offset < 0 || offset + EnergyVad.FRAME_SAMPLES > samples.length) {
            throw new IllegalArgumentException("a frame is " + EnergyVad.FRAME_SAMPLES + " samples; only "
                    + Math.max(0, samples.length - offset) + " from offset " + offset);
        }
        enter();
        try {
            long start = positionMs;
            long end = start + EnergyVad.FRAME_MILLIS;
            runScheduledUntil(end);
            int flags = vad.process(samples, offset, start);
            Activity before = live;
            if ((flags & EnergyVad.SPEECH_STARTED) != 0) {
                live = Activity.SPEECH;
                changed(vad.speechStartMillis());
            } else if ((flags & EnergyVad.SPEECH_ENDED) != 0) {
                live = (flags & EnergyVad.NOISE) != 0 ? Activity.NOISE : Activity.SILENCE;
                changed(vad.speechEndMillis());
            } else if (before != Activity.SPEECH) {
                live = (flags & EnergyVad.NOISE) != 0 ? Activity.NOISE : Activity.SILENCE;
                if (live != before) {
                    changed(start);
                }
            }
            runUntil(end);
            positionMs = end;
            nowMs = end;
        } finally {
            driving = false;
        }
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

    /**
     * Pushes G.711 audio (an RTP payload of type 0 or 8, 8 kHz, any length): every 160 bytes make one
     * 20 ms frame at the position; bytes short of a frame wait for the next payload.
     */
    public void pushG711(G711 law, byte[] payload, int offset, int length) {
        g711.push(law, payload, offset, length, g711Sink);
    }

    /**
     * Lets stream time pass without audio up to {@code streamMillis} (no audio is silence): scheduled
     * speech, timers and hypotheses due by then happen, in order. {@code streamMillis} may equal the
     * position (to handle what is due now).
     *
     * @throws IllegalArgumentException when {@code streamMillis} lies before the position
     */
    public void advanceTo(long streamMillis) {
        if (streamMillis < positionMs) {
            throw new IllegalArgumentException("cannot go back in stream time from " + positionMs + " ms to "
                    + streamMillis + " ms");
        }
        enter();
        try {
            if (streamMillis > positionMs && live == Activity.NOISE) {
                live = Activity.SILENCE; // the audio stopped: its noise with it
                changed(positionMs);
            }
            runUntil(streamMillis);
            if (live != Activity.SPEECH) {
                vad.silenceUntil(streamMillis); // a candidate for speech lapses in the silence
            }
            positionMs = streamMillis;
            nowMs = streamMillis;
        } finally {
            driving = false;
        }
    }

    /**
     * The next stream time at which something happens if no audio arrives (a timer fires, a hypothesis
     * is due, scheduled speech starts or ends, live speech is found to have ended), or {@link #NO_EVENT}.
     * Call {@link #advanceTo} then.
     */
    public long nextEventMillis() {
        long next = Math.min(scheduled.nextBoundary(), liveSpeechEndDetection());
        for (int i = 0, n = recognitions.size(); i < n; i++) {
            next = Math.min(next, recognitions.get(i).nextDeadline());
        }
        return next == Segmenter.NEVER ? NO_EVENT : next;
    }

    // --- for recognitions ---

    long now() {
        return nowMs;
    }

    WordTimeline words() {
        return words;
    }

    /** When the speech going on would end if the input stopped at {@code atMs}: live speech at its last voiced frame. */
    long speechEndIfInputStopsAt(long atMs) {
        if (live == Activity.SPEECH && scheduledState != Activity.SPEECH) {
            return Math.min(atMs, vad.lastVoicedEndMillis());
        }
        return atMs;
    }

    // --- the event loop ---

    private void enter() {
        if (driving) {
            throw new IllegalStateException("a listener must not push audio or advance time: it runs inside the stream's own call");
        }
        driving = true;
    }

    /** Scheduled boundaries up to and including {@code toMs}, each after the timers due before it. */
    private void runScheduledUntil(long toMs) {
        long boundary;
        while ((boundary = scheduled.nextBoundary()) <= toMs) {
            advanceRecognitions(boundary);
            scheduledState = scheduled.crossBoundary(boundary);
            changed(boundary);
        }
    }

    /** Every event up to and including {@code toMs}, in time order; timers due at a boundary's time fire first. */
    private void runUntil(long toMs) {
        while (true) {
            long boundary = scheduled.nextBoundary();
            long detection = liveSpeechEndDetection();
            long next = Math.min(boundary, detection);
            if (next > toMs) {
                break;
            }
            advanceRecognitions(next);
            if (next == boundary) {
                scheduledState = scheduled.crossBoundary(next);
                changed(next);
            } else if ((vad.silenceUntil(next) & EnergyVad.SPEECH_ENDED) != 0) {
                live = Activity.SILENCE;
                changed(vad.speechEndMillis());
            }
        }
        advanceRecognitions(toMs);
        forgetWords();
    }

    /** When the detector will decide that live speech ended if no more audio comes, or never. */
    private long liveSpeechEndDetection() {
        return live == Activity.SPEECH ? vad.lastVoicedEndMillis() + settings.vad().hangoverMs() : Segmenter.NEVER;
    }

    private void advanceRecognitions(long toMs) {
        long due;
        while ((due = nextRecognitionDeadline()) <= toMs) {
            nowMs = Math.max(nowMs, due);
            for (int i = 0; i < recognitions.size(); i++) {
                Recognition r = recognitions.get(i);
                if (r.nextDeadline() == due) {
                    r.advance(due);
                }
            }
        }
        nowMs = Math.max(nowMs, toMs);
        for (int i = 0; i < recognitions.size(); i++) {
            recognitions.get(i).advance(toMs);
        }
        dropFinished();
    }

    private long nextRecognitionDeadline() {
        long next = Segmenter.NEVER;
        for (int i = 0, n = recognitions.size(); i < n; i++) {
            next = Math.min(next, recognitions.get(i).nextDeadline());
        }
        return next;
    }

    /** The merged input may have changed at {@code atMs}: tells every recognition running now. */
    private void changed(long atMs) {
        Activity now = Activity.louder(live, scheduledState);
        if (now == merged) {
            return;
        }
        Activity from = merged;
        merged = now;
        long at = Math.max(atMs, lastChangeMs); // the merged input moves forward even when detection lags
        lastChangeMs = at;
        for (int i = 0, n = recognitions.size(); i < n; i++) {
            recognitions.get(i).activityChanged(from, now, at);
        }
        dropFinished();
    }

    private void dropFinished() {
        for (int i = recognitions.size() - 1; i >= 0; i--) {
            if (recognitions.get(i).isDone()) {
                recognitions.remove(i);
            }
        }
    }

    /** Words before every running recognition's horizon (and before now, for those yet to start) can go. */
    private void forgetWords() {
        long horizon = Ticks.fromMillis(nowMs);
        for (int i = 0, n = recognitions.size(); i < n; i++) {
            horizon = Math.min(horizon, recognitions.get(i).horizonTicks());
        }
        words.forgetBefore(horizon);
    }

    private void requireFree(long startMs, String what) {
        long free = Math.max(positionMs, scheduled.endMillis());
        if (startMs < free) {
            throw new IllegalArgumentException(what + " at " + startMs + " ms starts before "
                    + (scheduled.endMillis() > positionMs ? "the input already scheduled ends (" + scheduled.endMillis() + " ms)"
                    : "the stream position (" + positionMs + " ms)"));
        }
    }

    private String speaker(String rawId) {
        return rawId != null ? rawId : settings.speakerRawId();
    }
}
