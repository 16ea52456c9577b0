package io.callemu.bench.dtmf;

import io.callemu.dtmf.RtpPacket;
import io.callemu.dtmf.RtpParseResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of validating an RTP header with {@link RtpPacket#wrap} and reading the fields a receiver needs
 * (payload type, sequence number, timestamp, SSRC, payload bounds), over a mix of telephone-event
 * packets and packets with CSRCs, a header extension and padding.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RtpParseBenchmark {
    private final RtpPacket rtp = new RtpPacket();
    private byte[][] packets;
    private int next;

    @Setup
    public void setUp() {
        DtmfStream stream = new DtmfStream(2, 10, 7);
        byte[] complex = new byte[12 + 8 + 8 + 4 + 4];
        RtpPacket.writeHeader(complex, 0, false, 0, 1, 160, 0x1234);
        complex[0] = (byte) 0xB2; // padding, extension, 2 CSRCs
        complex[22] = 0; // extension length: 1 word
        complex[23] = 1;
        complex[complex.length - 1] = 4; // 4 bytes of padding
        packets = new byte[16][];
        for (int i = 0; i < packets.length; i++) {
            packets[i] = i % 4 == 3 ? complex : stream.packets[i];
        }
    }

    @Benchmark
    public long wrapAndRead() {
        byte[] p = packets[next];
        next = (next + 1) & (packets.length - 1);
        if (rtp.wrap(p, 0, p.length) != RtpParseResult.OK) {
            return -1;
        }
        return rtp.payloadType() + rtp.sequenceNumber() + rtp.timestampBits() + rtp.ssrcBits()
                + rtp.payloadOffset() + rtp.payloadLength();
    }
}
