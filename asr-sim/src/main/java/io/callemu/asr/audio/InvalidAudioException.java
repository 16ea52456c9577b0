package io.callemu.asr.audio;

/** Audio the recognizer cannot take: not a WAV, an unsupported encoding, truncated or empty. */
public final class InvalidAudioException extends IllegalArgumentException {

    public InvalidAudioException(String message) {
        super(message);
    }

    public InvalidAudioException(String message, Throwable cause) {
        super(message, cause);
    }
}
