package io.callemu.asr;

import io.callemu.asr.vad.VadSettings;

/**
 * What describes one speaker's input, whatever recognitions run on it.
 *
 * @param speakerRawId who speaks (a communication identifier rawId) unless an input names someone else; may be null
 * @param vad          the voice activity detector's tuning, for live frames and for clips
 */
public record StreamSettings(String speakerRawId, VadSettings vad) {

    public StreamSettings {
        if (vad == null) {
            throw new IllegalArgumentException("stream settings need VAD settings");
        }
    }

    /** A speaker with the default detector tuning. */
    public static StreamSettings of(String speakerRawId) {
        return new StreamSettings(speakerRawId, VadSettings.DEFAULT);
    }
}
