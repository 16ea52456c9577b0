package io.callemu.asr.audio;

/**
 * The two G.711 companding laws (ITU-T G.711) as RTP carries them (RFC 3551 §4.5.14): µ-law is
 * static payload type 0 (PCMU) and A-law payload type 8 (PCMA), both one byte per sample at 8 kHz.
 * Decoding is a table lookup to 16-bit linear PCM.
 */
public enum G711 {
    /** PCMU, payload type 0. */
    MU_LAW(0),
    /** PCMA, payload type 8. */
    A_LAW(8);

    private final int payloadType;
    private final short[] table = new short[256];

    G711(int payloadType) {
        this.payloadType = payloadType;
        for (int code = 0; code < 256; code++) {
            table[code] = payloadType == 0 ? muLaw(code) : aLaw(code);
        }
    }

    public int payloadType() {
        return payloadType;
    }

    /**
     * The law of an RTP static payload type.
     *
     * @throws IllegalArgumentException for any payload type but 0 and 8
     */
    public static G711 ofPayloadType(int payloadType) {
        for (G711 law : values()) {
            if (law.payloadType == payloadType) {
                return law;
            }
        }
        throw new IllegalArgumentException("RTP payload type " + payloadType + " is not G.711: expected 0 (PCMU) or 8 (PCMA)");
    }

    /** The linear sample of one code byte. */
    public short decode(byte code) {
        return table[code & 0xff];
    }

    /** Decodes {@code length} bytes from {@code in[offset]} into {@code out[outOffset]}. */
    public void decode(byte[] in, int offset, int length, short[] out, int outOffset) {
        short[] t = table;
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = t[in[offset + i] & 0xff];
        }
    }

    /** µ-law: the complemented byte holds sign, a 3-bit segment and a 4-bit step; the bias 0x84 comes off. */
    private static short muLaw(int code) {
        int u = ~code & 0xff;
        int exponent = (u >> 4) & 0x07;
        int magnitude = ((((u & 0x0f) << 3) + 0x84) << exponent) - 0x84;
        return (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
    }

    /** A-law: even bits inverted (0x55); segment 0 is linear, the others double per segment; sign bit set is positive. */
    private static short aLaw(int code) {
        int a = code ^ 0x55;
        int exponent = (a >> 4) & 0x07;
        int mantissa = a & 0x0f;
        int magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (short) ((a & 0x80) != 0 ? magnitude : -magnitude);
    }
}
