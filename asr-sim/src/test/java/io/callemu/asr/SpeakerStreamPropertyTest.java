package io.callemu.asr;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.asr.audio.G711;
import io.callemu.asr.audio.PcmAudio;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Random input of every kind (scripted speech, clips, live PCM and G.711 frames, silence) with
 * recognitions started, finished and cancelled at random: whatever happens, each recognition's events
 * come in stream-time order, a single shot reports once, offsets never precede its start, and the
 * stream's next event is never in the past.
 */
class SpeakerStreamPropertyTest {

    private static final short[] SPEECH = TestAudio.padded(TestAudio.fixture("digits.wav"), 200, 300);
    private static final byte[] SPEECH_G711 = TestAudio.g711(SPEECH, G711.A_LAW);
    private static final short[] NOISE = TestAudio.noise(2_000, -35, 3);
    private static final String[] SAYINGS = {"yes", "no thanks", "pay $20.50 on 3/4", "", "call 555-1212", "damn it"};

    /** What one recognition reported, checked as it arrives. */
    private static final class Checked implements RecognitionListener {
        final boolean singleShot;
        final List<RecognitionResult> results = new ArrayList<>();
        long lastOffset;

        Checked(boolean singleShot) {
            this.singleShot = singleShot;
        }

        private void at(long offsetTicks) {
            assertThat(offsetTicks).isGreaterThanOrEqualTo(0);
        }

        @Override
        public void speechStarted(long offsetTicks) {
            at(offsetTicks);
            assertThat(offsetTicks).isGreaterThanOrEqualTo(lastOffset);
            lastOffset = offsetTicks;
        }

        @Override
        public void hypothesis(Hypothesis h) {
            at(h.offsetTicks());
            assertThat(h.text()).isNotBlank();
            h.words().forEach(w -> at(w.offsetTicks()));
        }

        @Override
        public void speechEnded(long offsetTicks) {
            at(offsetTicks);
        }

        @Override
        public void recognized(RecognitionResult r) {
            at(r.offsetTicks());
            assertThat(r.durationTicks()).isGreaterThanOrEqualTo(0);
            if (r.status() == RecognitionStatus.SUCCESS) {
                assertThat(r.displayText()).isNotBlank();
                r.best().words().forEach(w -> at(w.offsetTicks()));
            }
            results.add(r);
            if (singleShot) {
                assertThat(results).as("a single shot reports once").hasSize(1);
            }
        }
    }

    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.rangeClosed(1, 50);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("seeds")
    void anyInputKeepsEveryRecognitionConsistent(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SpeakerStream stream = new SpeakerStream(StreamSettings.of("4:+1555"));
        List<Recognition> running = new ArrayList<>();
        List<Checked> listeners = new ArrayList<>();
        for (int step = 0; step < 300; step++) {
            long free = stream.positionMillis();
            switch (random.nextInt(9)) {
                case 0 -> {
                    boolean single = random.nextBoolean();
                    RecognizerConfig.Builder b = RecognizerConfig.builder().continuous(!single).seed(step)
                            .initialSilenceTimeoutMs(random.nextInt(4) * 1000).babbleTimeoutMs(random.nextInt(3) * 1000)
                            .initialSilenceTimerDeferred(random.nextInt(4) == 0);
                    if (single) {
                        b.endSilenceTimeoutMs(random.nextInt(1500));
                    }
                    Checked l = new Checked(single);
                    listeners.add(l);
                    running.add(stream.startRecognition(b.build(), l));
                }
                case 1 -> {
                    if (!running.isEmpty()) {
                        Recognition r = running.get(random.nextInt(running.size()));
                        switch (random.nextInt(4)) {
                            case 0 -> r.cancel();
                            case 1 -> r.finish();
                            case 2 -> r.fail("injected");
                            default -> r.startInitialSilenceTimer(stream.positionMillis() + random.nextInt(500));
                        }
                    }
                }
                case 2 -> {
                    try {
                        stream.schedule(new Utterance(SAYINGS[random.nextInt(SAYINGS.length)],
                                free + random.nextInt(2000), random.nextBoolean() ? null : 200L + random.nextInt(3000), null, null));
                    } catch (IllegalArgumentException overlapping) {
                        // scheduled input must come in order; a refusal changes nothing
                    }
                }
                case 3 -> {
                    try {
                        short[] audio = random.nextBoolean() ? SPEECH : NOISE;
                        stream.schedule(new AudioClip(PcmAudio.of(audio), free + random.nextInt(1000), "one two three four", null));
                    } catch (IllegalArgumentException overlapping) {
                        // as above
                    }
                }
                case 4 -> {
                    int from = 320 * random.nextInt(SPEECH.length / 320 - 20);
                    for (int f = 0; f < 20; f++) {
                        stream.pushFrame(SPEECH, from + 320 * f);
                    }
                }
                case 5 -> stream.pushG711(G711.A_LAW, SPEECH_G711, 160 * random.nextInt(SPEECH_G711.length / 160 - 30),
                        80 + random.nextInt(4000));
                case 6 -> stream.expectTranscript(SAYINGS[random.nextInt(SAYINGS.length)], null);
                case 7 -> {
                    long next = stream.nextEventMillis();
                    if (next != SpeakerStream.NO_EVENT) {
                        stream.advanceTo(next);
                    }
                }
                default -> stream.advanceTo(stream.positionMillis() + random.nextInt(3000));
            }
            assertThat(stream.nextEventMillis()).isGreaterThanOrEqualTo(stream.positionMillis());
        }
        stream.advanceTo(stream.positionMillis() + 60_000);
        assertThat(listeners).isNotEmpty();
        assertThat(stream.words().size()).as("nothing held for nobody").isLessThan(100);
    }
}
