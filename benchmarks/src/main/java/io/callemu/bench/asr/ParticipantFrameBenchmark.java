package io.callemu.bench.asr;

import io.callemu.asr.Hypothesis;
import io.callemu.asr.RecognitionListener;
import io.callemu.asr.RecognitionResult;
import io.callemu.asr.RecognitionStatus;
import io.callemu.asr.RecognizerConfig;
import io.callemu.asr.SpeakerStream;
import io.callemu.asr.StreamSettings;
import io.callemu.asr.audio.G711;
import io.callemu.asr.wire.ResultStatusCasing;
import io.callemu.asr.wire.TranscriptionFrames;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One 20 ms RTP payload of G.711 µ-law through a call participant's recognizer, as the emulator runs
 * it: decoding, 8 → 16 kHz upsampling, voice activity detection, the merged input, a continuous
 * transcription's timers, and every TranscriptionData frame it emits (intermediate and final) written
 * into a reused StringBuilder. The caller speaks a 1.5 s phrase every 2.5 s; at the start of each
 * cycle the transcript of the coming phrase arrives ({@code expectTranscript}, as the control API or a
 * transcript queue would give it), so each phrase yields about five intermediate frames and one final.
 * With {@code recognize} a single-shot recognize also listens and starts again each time it ends, as an
 * IVR menu would. Without {@code transcripts} the same speech has no words: every phrase is a NoMatch
 * and no frame is written, which isolates the audio path. Real time is 20 ms per op: 1 µs per op is 20 000×.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParticipantFrameBenchmark {

    private static final int PAYLOAD_BYTES = 160;
    private static final int FRAMES_PER_CYCLE = SpeechLikeAudio.CYCLE_MILLIS / 20;
    private static final String[] SAYINGS = {
        "I would like to pay my bill", "My account number is 4 5 6 7", "Can I talk to an agent", "Yes please"};

    /** Whether a recognize listens beside the transcription. */
    @Param({"false", "true"})
    public boolean recognize;

    /** Whether the phrases have transcripts (words, so TranscriptionData frames) or are speech nobody can recognise (NoMatch). */
    @Param({"true", "false"})
    public boolean transcripts;

    private final StringBuilder frame = new StringBuilder(2048);
    private byte[] audio;
    private int offset;
    private int frameIndex;
    private int saying;
    private SpeakerStream stream;
    private RecognizerConfig recognizeConfig;
    private RecognitionListener recognizeListener;

    @Setup
    public void setUp(Blackhole blackhole) {
        audio = SpeechLikeAudio.tenSecondsMuLaw();
        stream = new SpeakerStream(StreamSettings.of("4:+15551234567"));
        RecognitionListener transcription = new RecognitionListener() {
            @Override
            public void hypothesis(Hypothesis hypothesis) {
                frame.setLength(0);
                TranscriptionFrames.appendIntermediate(frame, hypothesis, ResultStatusCasing.CAPITALIZED);
                blackhole.consume(frame.length());
            }

            @Override
            public void recognized(RecognitionResult result) {
                if (result.status() == RecognitionStatus.SUCCESS) {
                    frame.setLength(0);
                    TranscriptionFrames.appendFinal(frame, result, ResultStatusCasing.CAPITALIZED);
                    blackhole.consume(frame.length());
                }
            }
        };
        stream.startRecognition(RecognizerConfig.builder().continuous(true).initialSilenceTimeoutMs(0).build(), transcription);
        if (recognize) {
            recognizeConfig = RecognizerConfig.builder().hypotheses(false).initialSilenceTimeoutMs(10_000).build();
            recognizeListener = result -> {
                blackhole.consume(result);
                stream.startRecognition(recognizeConfig, recognizeListener);
            };
            stream.startRecognition(recognizeConfig, recognizeListener);
        }
    }

    @Benchmark
    public long frame() {
        if (transcripts && frameIndex % FRAMES_PER_CYCLE == 0) {
            stream.expectTranscript(SAYINGS[saying], null);
            saying = (saying + 1) % SAYINGS.length;
        }
        stream.pushG711(G711.MU_LAW, audio, offset, PAYLOAD_BYTES);
        offset += PAYLOAD_BYTES;
        if (offset == audio.length) {
            offset = 0;
        }
        frameIndex++;
        return stream.positionMillis();
    }
}
