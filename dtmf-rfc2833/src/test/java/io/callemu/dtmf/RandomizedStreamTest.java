package io.callemu.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random key sequences through the sender, then random duplication, reordering within a window of three
 * packets and loss that leaves at least one packet of every press: the decoder must report exactly the
 * keys pressed, each once at its start and once at its end. Fixed seeds keep failures reproducible.
 */
class RandomizedStreamTest {
    private static final int RUNS = 400;
    private static final DtmfTone[] KEYS = DtmfTone.parseKeys("0123456789*#ABCD").toArray(new DtmfTone[0]);

    private record Sent(byte[] packet, int press, long sendAtMillis) {
    }

    @Test
    void impairedStreamsDecodeToExactlyTheKeysPressed() {
        for (int seed = 1; seed <= RUNS; seed++) {
            runOnce(seed);
        }
    }

    private static void runOnce(int seed) {
        Random random = new Random(seed);
        List<DtmfTone> keys = new ArrayList<>();
        int count = 1 + random.nextInt(10);
        for (int i = 0; i < count; i++) {
            keys.add(KEYS[random.nextInt(KEYS.length)]);
        }
        int toneMillis = random.nextInt(20) == 0 ? 8_300 + random.nextInt(1_000) : 40 + random.nextInt(360);
        int gapMillis = 40 + random.nextInt(260);
        long startTs = random.nextBoolean() ? random.nextLong() & 0xFFFF_FFFFL : 0xFFFF_FFFFL - random.nextInt(20_000);
        TelephoneEventSender sender = TelephoneEventSender.builder(random.nextLong() & 0xFFFF_FFFFL)
                .packetIntervalMillis(random.nextBoolean() ? 50 : 20)
                .startSequenceNumber(random.nextInt(0x10000))
                .startTimestamp(startTs)
                .build();
        List<TimedPacket> packets = sender.encode(keys, toneMillis, gapMillis);

        long pressSpacing = (long) (toneMillis + gapMillis) * 8;
        RtpPacket rtp = new RtpPacket();
        List<Sent> stream = new ArrayList<>();
        for (TimedPacket p : packets) {
            rtp.wrap(p.packet(), 0, p.packet().length);
            int press = (int) (((rtp.timestamp() - startTs) & 0xFFFF_FFFFL) / pressSpacing);
            stream.add(new Sent(p.packet(), press, p.sendAtMillis()));
        }
        double loss = random.nextInt(4) == 0 ? 0 : random.nextDouble() * 0.4;
        List<Sent> impaired = impair(stream, count, loss, random);

        RecordingListener rec = new RecordingListener();
        TelephoneEventDecoder decoder = TelephoneEventDecoder.create(rec);
        long now = 0;
        for (Sent s : impaired) {
            now = Math.max(now, s.sendAtMillis() + random.nextInt(5));
            decoder.receive(s.packet(), now);
        }
        decoder.tick(now + 60_000);

        List<RecordingListener.Tone> starts = new ArrayList<>(rec.starts());
        starts.sort(Comparator.comparingLong(t -> (t.ts() - startTs) & 0xFFFF_FFFFL));
        assertThat(starts).as("seed %d: keys %s", seed, keys)
                .extracting(RecordingListener.Tone::tone).containsExactlyElementsOf(keys);
        assertThat(rec.ends()).as("seed %d: one end per press", seed).hasSize(count);
        assertThat(rec.openPresses()).as("seed %d", seed).isZero();
        assertThat(rec.ends()).as("seed %d", seed)
                .allSatisfy(t -> assertThat(t.durationMillis()).isLessThanOrEqualTo(toneMillis));
        if (loss == 0) {
            // Duplicated and reordered but complete: every press ends by its end bit with its full length.
            assertThat(rec.ends()).as("seed %d", seed).allSatisfy(t -> {
                assertThat(t.endedBy()).isEqualTo(ToneEndReason.END_BIT);
                assertThat(t.durationSamples()).isEqualTo(toneMillis * 8L);
            });
        }
    }

    /** Loses, duplicates and reorders packets, keeping at least one packet of every press. */
    private static List<Sent> impair(List<Sent> stream, int presses, double loss, Random random) {
        List<Sent> kept = new ArrayList<>();
        boolean[] pressKept = new boolean[presses];
        for (Sent s : stream) {
            if (random.nextDouble() >= loss) {
                kept.add(s);
                pressKept[s.press()] = true;
            }
        }
        for (int press = 0; press < presses; press++) {
            if (!pressKept[press]) {
                int p = press;
                List<Sent> ofPress = stream.stream().filter(s -> s.press() == p).toList();
                Sent survivor = ofPress.get(random.nextInt(ofPress.size()));
                int at = 0;
                while (at < kept.size() && kept.get(at).sendAtMillis() <= survivor.sendAtMillis()) {
                    at++;
                }
                kept.add(at, survivor);
            }
        }
        List<Sent> out = new ArrayList<>();
        for (Sent s : kept) {
            out.add(s);
            if (random.nextInt(10) == 0) {
                out.add(s);
            }
        }
        for (int i = 0; i + 1 < out.size(); i++) {
            if (random.nextInt(5) == 0) {
                Collections.swap(out, i, i + 1 + random.nextInt(Math.min(2, out.size() - i - 1)));
            }
        }
        return out;
    }
}
