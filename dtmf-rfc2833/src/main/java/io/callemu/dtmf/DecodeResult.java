package io.callemu.dtmf;

/** What {@link TelephoneEventDecoder#receive} did with one packet. */
public enum DecodeResult {
    /** A telephone-event packet; its reports were processed (duplicates and stale reports included). */
    ACCEPTED,
    /** A well-formed RTP packet of another payload type (audio); it only advanced the stream's clock. */
    OTHER_PAYLOAD_TYPE,
    /** Not a well-formed RTP packet; {@link TelephoneEventDecoder#lastRtpError()} says why. */
    MALFORMED_RTP,
    /** A telephone-event packet whose payload is empty or not a multiple of 4 bytes. */
    MALFORMED_EVENT_PAYLOAD
}
