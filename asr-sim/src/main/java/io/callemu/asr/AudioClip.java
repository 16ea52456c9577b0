package io.callemu.asr;

import io.callemu.asr.audio.PcmAudio;
import io.callemu.asr.vad.EnergyVad;

/**
 * A whole piece of audio a speaker says, put on the stream timeline at once (an uploaded WAV file, a
 * REST request body). Voice activity in the audio decides where its speech is; the transcript says
 * what it contains and is laid over that speech.
 *
 * @param audio        16 kHz mono samples (see {@link io.callemu.asr.audio.WavReader})
 * @param startMillis  where the clip starts on the stream timeline
 * @param transcript   what is said in it, written any way; null or empty when unknown (speech in it is a NoMatch)
 * @param speakerRawId who says it, or null for the stream's speaker
 */
public record AudioClip(PcmAudio audio, long startMillis, String transcript, String speakerRawId) {

    public AudioClip {
        if (audio == null || audio.length() == 0) {
            throw new IllegalArgumentException("a clip needs audio");
        }
        if (startMillis < 0) {
            throw new IllegalArgumentException("clip start must not be negative: " + startMillis);
        }
    }

    /** How long the clip occupies the stream: whole 20 ms frames, the last one padded with silence. */
    public long durationMillis() {
        long frames = (audio.length() + EnergyVad.FRAME_SAMPLES - 1) / EnergyVad.FRAME_SAMPLES;
        return frames * EnergyVad.FRAME_MILLIS;
    }
}
