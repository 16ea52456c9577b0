package io.callemu.dtmf;

import java.util.Objects;

/**
 * A reusable, zero-copy view of an RTP packet (RFC 3550 §5.1) over a byte array.
 *
 * <p>{@link #wrap} validates the header and remembers where the payload is; the accessors read the
 * fields straight from the array. One instance serves any number of packets and allocates nothing per
 * packet, which keeps the receive path free of garbage. The accessors are meaningful only after
 * {@code wrap} returned {@link RtpParseResult#OK} and while the array is unchanged. Not thread-safe.
 *
 * <p>Malformed input never throws: {@code wrap} reports why it was rejected. Only an
 * {@code offset}/{@code length} outside the array (a caller bug, not bad input) throws.
 */
public final class RtpPacket {
    /** Length of the fixed header (without CSRCs and extension). */
    public static final int FIXED_HEADER_LENGTH = 12;

    private static final int VERSION = 2;
    private static final int EXTENSION_HEADER_LENGTH = 4;

    private byte[] buf;
    private int offset;
    private int length;
    private int extensionOffset;
    private int extensionLength;
    private int payloadOffset;
    private int payloadLength;

    /**
     * Points this view at {@code length} bytes of {@code buf} starting at {@code offset} and validates
     * them as an RTP packet.
     *
     * @throws IndexOutOfBoundsException when the range lies outside {@code buf}
     */
    public RtpParseResult wrap(byte[] buf, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buf.length);
        this.buf = buf;
        this.offset = offset;
        this.length = length;
        if (length < FIXED_HEADER_LENGTH) {
            return RtpParseResult.TOO_SHORT;
        }
        if (version() != VERSION) {
            return RtpParseResult.BAD_VERSION;
        }
        int end = offset + length;
        int pos = offset + FIXED_HEADER_LENGTH + 4 * csrcCount();
        if (pos > end) {
            return RtpParseResult.CSRC_OVERRUN;
        }
        extensionOffset = -1;
        extensionLength = 0;
        if (extension()) {
            if (pos + EXTENSION_HEADER_LENGTH > end) {
                return RtpParseResult.EXTENSION_OVERRUN;
            }
            int words = readUnsignedShort(buf, pos + 2);
            extensionOffset = pos + EXTENSION_HEADER_LENGTH;
            extensionLength = 4 * words;
            pos = extensionOffset + extensionLength;
            if (pos > end) {
                return RtpParseResult.EXTENSION_OVERRUN;
            }
        }
        int padding = 0;
        if (padding()) {
            // RFC 3550 §5.1: the last octet counts the padding octets, itself included.
            padding = buf[end - 1] & 0xFF;
            if (padding == 0 || pos + padding > end) {
                return RtpParseResult.BAD_PADDING;
            }
        }
        payloadOffset = pos;
        payloadLength = end - pos - padding;
        return RtpParseResult.OK;
    }

    /** The array this view reads. */
    public byte[] array() {
        return buf;
    }

    /** Offset of the packet's first byte in {@link #array()}. */
    public int offset() {
        return offset;
    }

    /** Length of the whole packet in bytes. */
    public int length() {
        return length;
    }

    public int version() {
        return (buf[offset] & 0xFF) >>> 6;
    }

    public boolean padding() {
        return (buf[offset] & 0x20) != 0;
    }

    public boolean extension() {
        return (buf[offset] & 0x10) != 0;
    }

    public int csrcCount() {
        return buf[offset] & 0x0F;
    }

    /** The {@code index}-th contributing source, as an unsigned 32-bit value. */
    public long csrc(int index) {
        Objects.checkIndex(index, csrcCount());
        return readInt(buf, offset + FIXED_HEADER_LENGTH + 4 * index) & 0xFFFF_FFFFL;
    }

    public boolean marker() {
        return (buf[offset + 1] & 0x80) != 0;
    }

    public int payloadType() {
        return buf[offset + 1] & 0x7F;
    }

    /** The 16-bit sequence number (0-65535). */
    public int sequenceNumber() {
        return readUnsignedShort(buf, offset + 2);
    }

    /** The 32-bit timestamp as an unsigned value. */
    public long timestamp() {
        return timestampBits() & 0xFFFF_FFFFL;
    }

    /** The 32-bit timestamp as raw bits, for serial-number arithmetic with {@code int} overflow. */
    public int timestampBits() {
        return readInt(buf, offset + 4);
    }

    /** The synchronization source as an unsigned 32-bit value. */
    public long ssrc() {
        return ssrcBits() & 0xFFFF_FFFFL;
    }

    /** The synchronization source as raw bits. */
    public int ssrcBits() {
        return readInt(buf, offset + 8);
    }

    /** The profile-defined 16 bits of the header extension; only when {@link #extension()} is set. */
    public int extensionProfile() {
        return readUnsignedShort(buf, extensionOffset - EXTENSION_HEADER_LENGTH);
    }

    /** Offset of the header extension's data in {@link #array()}, or -1 without extension. */
    public int extensionOffset() {
        return extensionOffset;
    }

    /** Length in bytes of the header extension's data (after its 4-byte header). */
    public int extensionLength() {
        return extensionLength;
    }

    /** Offset of the payload in {@link #array()}. */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** Length of the payload in bytes, padding excluded. */
    public int payloadLength() {
        return payloadLength;
    }

    /**
     * Writes a 12-byte RTP header (version 2, no padding, extension or CSRCs) at {@code offset}.
     *
     * @param ssrc the synchronization source; only its low 32 bits are written
     * @param timestamp the timestamp; only its low 32 bits are written
     */
    public static void writeHeader(byte[] buf, int offset, boolean marker, int payloadType,
                                   int sequenceNumber, long timestamp, long ssrc) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0-127, was " + payloadType);
        }
        buf[offset] = (byte) (VERSION << 6);
        buf[offset + 1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        buf[offset + 2] = (byte) (sequenceNumber >>> 8);
        buf[offset + 3] = (byte) sequenceNumber;
        writeInt(buf, offset + 4, (int) timestamp);
        writeInt(buf, offset + 8, (int) ssrc);
    }

    static int readUnsignedShort(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    static void writeInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }
}
