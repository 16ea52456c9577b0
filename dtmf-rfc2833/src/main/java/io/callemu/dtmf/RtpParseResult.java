package io.callemu.dtmf;

/** Outcome of {@link RtpPacket#wrap}: {@link #OK} or the reason the bytes are not an RTP packet. */
public enum RtpParseResult {
    /** A well-formed RTP packet; the view's accessors are valid. */
    OK,
    /** Fewer than the 12 bytes of the fixed header. */
    TOO_SHORT,
    /** The version field is not 2. */
    BAD_VERSION,
    /** The CSRC list (4 bytes per contributing source) runs past the end. */
    CSRC_OVERRUN,
    /** The header extension (4-byte header plus its declared length) runs past the end. */
    EXTENSION_OVERRUN,
    /** The padding bit is set but the padding count is zero or runs into the header. */
    BAD_PADDING
}
