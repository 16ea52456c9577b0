package io.callemu.bench.asr;

import io.callemu.asr.NBestEntry;
import io.callemu.asr.RecognitionResult;
import io.callemu.asr.RecognitionStatus;
import io.callemu.asr.Word;
import io.callemu.asr.text.TextForms;
import io.callemu.asr.wire.ResultStatusCasing;
import io.callemu.asr.wire.TranscriptionFrames;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Cost of rendering one final TranscriptionData frame (7 words) into a reused StringBuilder. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TranscriptionFrameBenchmark {

    private final StringBuilder frame = new StringBuilder(1024);
    private RecognitionResult result;

    @Setup
    public void setUp() {
        String[] words = {"i", "would", "like", "to", "pay", "my", "bill"};
        List<Word> timed = new ArrayList<>();
        long at = 212_483_227L;
        for (String w : words) {
            timed.add(new Word(w, at, 2_600_000L));
            at += 2_600_000L;
        }
        result = new RecognitionResult(RecognitionStatus.SUCCESS, 212_483_227L, at - 212_483_227L,
                List.of(new NBestEntry(0.922650933265686, new TextForms("i would like to pay my bill",
                        "i would like to pay my bill", "i would like to pay my bill", "I would like to pay my bill."),
                        timed)),
                "4:+15551234567", null);
    }

    @Benchmark
    public int renderFinal() {
        frame.setLength(0);
        TranscriptionFrames.appendFinal(frame, result, ResultStatusCasing.CAPITALIZED);
        return frame.length();
    }
}
