package io.callemu.asr;

/** The {@code RecognitionStatus} of a final result, as the Speech service writes it on the wire. */
public enum RecognitionStatus {
    /** Speech was recognised; the result has text. */
    SUCCESS("Success"),
    /** Speech was detected but nothing usable was recognised in it. */
    NO_MATCH("NoMatch"),
    /** Only silence before the initial-silence timeout. */
    INITIAL_SILENCE_TIMEOUT("InitialSilenceTimeout"),
    /** Only noise (no speech) before the babble timeout. */
    BABBLE_TIMEOUT("BabbleTimeout"),
    /** The recognizer failed; the caller may retry. */
    ERROR("Error");

    private final String wireName;

    RecognitionStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
