package io.callemu.asr;

import io.callemu.asr.audio.PcmAudio;

/**
 * One recognition on an input of its own: a {@link SpeakerStream} with a single {@link Recognition},
 * for a Speech REST request or WebSocket session (one audio stream, one consumer). Where several
 * recognitions listen to the same speaker (a call's transcription and its recognize actions), use a
 * {@link SpeakerStream} directly.
 *
 * <p>The caller moves the stream forward, single-threaded: {@link #pushFrame} adds 20 ms of 16 kHz
 * audio at the current position, {@link #pushAudio} a whole clip, {@link #advanceTo} lets time pass
 * without audio (silence), and {@link #schedule} puts scripted speech on the timeline. Every event
 * reaches the {@link RecognitionListener} in stream-time order from inside these calls. No wall clock
 * is read: the same input, configuration and seed give the same events.
 *
 * <p>A single-shot recognizer (the default) ends after its first final result and then ignores
 * input; a continuous one keeps producing phrases and re-arms its timeouts after each result.
 */
public final class StreamingRecognizer {

    private final SpeakerStream stream;
    private final Recognition recognition;

    public StreamingRecognizer(RecognizerConfig config, RecognitionListener listener) {
        this.stream = new SpeakerStream(new StreamSettings(config.defaultSpeakerRawId(), config.vad()));
        this.recognition = stream.startRecognition(config, listener);
    }

    /** The stream clock: how far audio and time have been pushed, in milliseconds from stream start. */
    public long positionMillis() {
        return stream.positionMillis();
    }

    /** True once a single-shot recognizer produced its result, after {@link #finish()} or an error. */
    public boolean isDone() {
        return recognition.isDone();
    }

    /** The next stream time at which anything happens without new audio, or {@link SpeakerStream#NO_EVENT}. */
    public long nextEventMillis() {
        return stream.nextEventMillis();
    }

    /**
     * Puts a scripted utterance on the timeline. Utterances come in stream order and do not overlap,
     * and none starts before the current position.
     */
    public void schedule(Utterance utterance) {
        stream.schedule(utterance);
    }

    /**
     * Pushes a whole clip at the current position, with what is said in it; the words are aligned to the
     * speech the detector finds in the clip, and time moves to the clip's end (a last partial frame is
     * padded with silence).
     */
    public void pushAudio(PcmAudio clip, String transcript, String speakerRawId) {
        AudioClip audio = new AudioClip(clip, stream.positionMillis(), transcript, speakerRawId);
        stream.schedule(audio);
        stream.advanceTo(audio.startMillis() + audio.durationMillis());
    }

    /**
     * Says what the next phrase detected in pushed frames contains, when the audio arrives frame by frame
     * and its end is not known. The words are spread over that phrase's speech when it ends.
     */
    public void expectTranscript(String transcript, String speakerRawId) {
        stream.expectTranscript(transcript, speakerRawId);
    }

    /** Pushes 20 ms of 16 kHz mono audio (320 samples from {@code offset}). */
    public void pushFrame(short[] samples, int offset) {
        stream.pushFrame(samples, offset);
    }

    /** Pushes 20 ms of 16 kHz mono audio as 640 bytes of little-endian 16-bit PCM (the ACS media streaming layout). */
    public void pushFrame(byte[] pcm16le, int offset) {
        stream.pushFrame(pcm16le, offset);
    }

    /** Lets stream time pass without audio up to {@code streamMillis}; scripted speech and timers run on. */
    public void advanceTo(long streamMillis) {
        stream.advanceTo(streamMillis);
    }

    /**
     * The input is over (a REST body ended, the caller hung up): scripted speech up to the current
     * position has played out, the phrase in progress is final now, and a single shot that heard no
     * speech ends in a timeout. Nothing is recognised afterwards.
     */
    public void finish() {
        recognition.finish();
    }

    /** The recognizer fails now: an {@link RecognitionStatus#ERROR} result, then nothing more. */
    public void fail(String details) {
        recognition.fail(details);
    }
}
