package io.callemu.dtmf;

/** Why the decoder considers a press over. */
public enum ToneEndReason {
    /** A report with the E (end) bit arrived: the sender said so. */
    END_BIT,
    /**
     * No end report arrived and updates stopped: the stream's RTP clock passed the press's last known
     * end by the extrapolation window, or no update arrived for the wall-clock fallback time.
     */
    TIMEOUT,
    /**
     * No end report arrived but a later press of the same stream began, and DTMF presses cannot
     * overlap (typically the end packets were lost and the next key followed quickly).
     */
    NEXT_EVENT,
    /** The press's state was dropped to stay within the decoder's memory bounds. */
    EVICTED
}
