package io.callemu.dtmf;

/**
 * Receives the presses a {@link TelephoneEventDecoder} recognises. Every press is reported exactly once
 * by {@link #onToneStart} (as soon as it is recognised) and then exactly once by {@link #onToneEnd}.
 * Called on the thread that feeds the decoder; implementations must not throw and should not block.
 */
public interface ToneListener {

    /**
     * A press began.
     *
     * @param ssrc the stream's synchronization source (unsigned 32-bit)
     * @param tone the key, or {@link DtmfTone#FLASH} (check {@link DtmfTone#isKey()})
     * @param rtpTimestamp the RTP timestamp of the press's start (unsigned 32-bit)
     */
    void onToneStart(long ssrc, DtmfTone tone, long rtpTimestamp);

    /**
     * A press ended.
     *
     * @param ssrc the stream's synchronization source (unsigned 32-bit)
     * @param tone the same tone as at the start
     * @param rtpTimestamp the RTP timestamp of the press's start, as given to {@link #onToneStart}
     * @param durationSamples the duration in RTP clock units, as last reported by the sender (not
     *     extrapolated), long segments included
     * @param durationMillis the same duration in milliseconds at the decoder's clock rate
     * @param endedBy why the decoder considers the press over
     */
    void onToneEnd(long ssrc, DtmfTone tone, long rtpTimestamp, long durationSamples, long durationMillis,
                   ToneEndReason endedBy);
}
