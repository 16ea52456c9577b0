package io.callemu.bench.dtmf;

import io.callemu.dtmf.DecodeResult;
import io.callemu.dtmf.DtmfTone;
import io.callemu.dtmf.TelephoneEventDecoder;
import io.callemu.dtmf.ToneEndReason;
import io.callemu.dtmf.ToneListener;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of {@link TelephoneEventDecoder#receive} per packet on a realistic stream: 8 concurrent calls
 * (half at 50 ms, half at 20 ms updates) pressing 20 keys each, with updates and triple end copies,
 * replayed cyclically with advancing timestamps so every cycle brings new presses. One operation is one
 * packet; run with {@code -prof gc} for the bytes allocated per packet (target: 0). The amortised
 * in-place rewrite of the stream at the end of each cycle is included in the figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DtmfDecoderBenchmark {

    /** Counts what the decoder reports, so the work cannot be optimised away; allocates nothing. */
    static final class CountingListener implements ToneListener {
        long starts;
        long ends;
        long inferredEnds;

        @Override
        public void onToneStart(long ssrc, DtmfTone tone, long rtpTimestamp) {
            starts++;
        }

        @Override
        public void onToneEnd(long ssrc, DtmfTone tone, long rtpTimestamp, long durationSamples, long durationMillis,
                              ToneEndReason endedBy) {
            ends++;
            if (endedBy != ToneEndReason.END_BIT) {
                inferredEnds++;
            }
        }
    }

    private DtmfStream stream;
    private CountingListener listener;
    private TelephoneEventDecoder decoder;
    private int next;

    @Setup
    public void setUp() {
        stream = new DtmfStream(8, 20, 2026);
        listener = new CountingListener();
        decoder = TelephoneEventDecoder.create(listener);
        next = 0;
    }

    @Benchmark
    public DecodeResult receivePacket() {
        if (next == stream.size()) {
            stream.advanceCycle();
            next = 0;
        }
        int i = next++;
        byte[] packet = stream.packets[i];
        return decoder.receive(packet, 0, packet.length, stream.nowMillis(i));
    }

    /**
     * Fails the run loudly unless the replay measured what it claims: presses decoded, each ended by its
     * end bit (the stream is lossless) or still running.
     */
    @TearDown
    public void checkSteadyState() {
        if (listener.starts == 0 || listener.starts - listener.ends != decoder.activePresses()
                || listener.inferredEnds != 0) {
            throw new IllegalStateException("replay is not in steady state: starts=" + listener.starts
                    + " ends=" + listener.ends + " inferred ends=" + listener.inferredEnds);
        }
    }
}
