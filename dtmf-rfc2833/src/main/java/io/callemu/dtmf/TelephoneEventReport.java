package io.callemu.dtmf;

/**
 * Reads and writes one 4-byte RFC 4733 event report (§2.3): event code (8 bits), E bit, R bit,
 * volume (6 bits), duration (16 bits, RTP clock units from the event's timestamp). A payload holds one
 * or more reports back to back.
 */
final class TelephoneEventReport {
    static final int LENGTH = 4;
    static final int MAX_DURATION = 0xFFFF;
    static final int MAX_VOLUME = 63;

    private TelephoneEventReport() {
    }

    static int event(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    static boolean end(byte[] b, int at) {
        return (b[at + 1] & 0x80) != 0;
    }

    static int volume(byte[] b, int at) {
        return b[at + 1] & 0x3F;
    }

    static int duration(byte[] b, int at) {
        return RtpPacket.readUnsignedShort(b, at + 2);
    }

    /** Writes a report with the reserved bit cleared, as RFC 4733 asks of senders. */
    static void write(byte[] b, int at, int event, boolean end, int volume, int duration) {
        b[at] = (byte) event;
        b[at + 1] = (byte) ((end ? 0x80 : 0) | (volume & 0x3F));
        b[at + 2] = (byte) (duration >>> 8);
        b[at + 3] = (byte) duration;
    }
}
