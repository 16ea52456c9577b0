package io.callemu.bench.asr;

import io.callemu.asr.RecognitionListener;
import io.callemu.asr.RecognitionResult;
import io.callemu.asr.RecognizerConfig;
import io.callemu.asr.StreamingRecognizer;
import io.callemu.asr.vad.EnergyVad;
import io.callemu.asr.vad.VadSettings;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of one 20 ms frame of 16 kHz audio: voice activity detection alone, and detection plus
 * segmentation through a continuous {@link StreamingRecognizer} (timers, phrase ends, NoMatch finals
 * since the audio has no transcript). Real time is 20 ms per frame, so 2 µs per frame is 10 000×.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FrameDetectionBenchmark {

    private short[] audio;
    private int offset;
    private EnergyVad vad;
    private StreamingRecognizer recognizer;
    private long frameStartMs;

    @Setup
    public void setUp(Blackhole blackhole) {
        audio = SpeechLikeAudio.tenSeconds();
        vad = new EnergyVad(VadSettings.DEFAULT);
        RecognitionListener listener = new RecognitionListener() {
            @Override
            public void speechStarted(long offsetTicks) {
                blackhole.consume(offsetTicks);
            }

            @Override
            public void recognized(RecognitionResult result) {
                blackhole.consume(result);
            }
        };
        recognizer = new StreamingRecognizer(RecognizerConfig.builder().continuous(true).build(), listener);
    }

    private int nextFrame() {
        int at = offset;
        offset += EnergyVad.FRAME_SAMPLES;
        if (offset + EnergyVad.FRAME_SAMPLES > audio.length) {
            offset = 0;
        }
        return at;
    }

    @Benchmark
    public int vadOnly() {
        int at = nextFrame();
        frameStartMs += EnergyVad.FRAME_MILLIS;
        return vad.process(audio, at, frameStartMs);
    }

    @Benchmark
    public long detectAndSegment() {
        recognizer.pushFrame(audio, nextFrame());
        return recognizer.positionMillis();
    }
}
