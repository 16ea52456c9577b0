package io.callemu.dtmf;

/** Hand-built RTP packets for test vectors, written independently of {@link TelephoneEventSender}. */
final class Packets {
    static final long SSRC = 0x1234_5678L;
    static final int PT = 101;

    private Packets() {
    }

    /** One RFC 4733 report: event code, E bit, duration. */
    record Report(int code, boolean end, int duration) {
    }

    static Report update(int code, int duration) {
        return new Report(code, false, duration);
    }

    static Report end(int code, int duration) {
        return new Report(code, true, duration);
    }

    static byte[] event(int seq, long ts, Report... reports) {
        return event(SSRC, seq, ts, false, reports);
    }

    static byte[] event(long ssrc, int seq, long ts, boolean marker, Report... reports) {
        return event(ssrc, PT, seq, ts, marker, reports);
    }

    static byte[] event(long ssrc, int payloadType, int seq, long ts, boolean marker, Report... reports) {
        byte[] b = new byte[12 + 4 * reports.length];
        b[0] = (byte) 0x80;
        b[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        b[2] = (byte) (seq >>> 8);
        b[3] = (byte) seq;
        putInt(b, 4, ts);
        putInt(b, 8, ssrc);
        for (int i = 0; i < reports.length; i++) {
            Report r = reports[i];
            int at = 12 + 4 * i;
            b[at] = (byte) r.code();
            b[at + 1] = (byte) ((r.end() ? 0x80 : 0) | 10);
            b[at + 2] = (byte) (r.duration() >>> 8);
            b[at + 3] = (byte) r.duration();
        }
        return b;
    }

    /** A 20 ms G.711 packet (payload type 0) of the same stream. */
    static byte[] audio(long ssrc, int seq, long ts) {
        byte[] b = new byte[12 + 160];
        b[0] = (byte) 0x80;
        b[2] = (byte) (seq >>> 8);
        b[3] = (byte) seq;
        putInt(b, 4, ts);
        putInt(b, 8, ssrc);
        return b;
    }

    private static void putInt(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
