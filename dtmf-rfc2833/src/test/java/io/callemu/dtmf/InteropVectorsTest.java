package io.callemu.dtmf;

import static io.callemu.dtmf.Packets.SSRC;
import static io.callemu.dtmf.Packets.end;
import static io.callemu.dtmf.Packets.event;
import static io.callemu.dtmf.Packets.update;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sender and relay misbehaviours reported against other receivers (anchors §3.1-3.2), one vector each. */
class InteropVectorsTest {
    private final RecordingListener rec = new RecordingListener();
    private final TelephoneEventDecoder decoder = TelephoneEventDecoder.create(rec);

    private void feed(byte[]... packets) {
        for (byte[] p : packets) {
            decoder.receive(p, 0);
        }
    }

    @Test
    @DisplayName("rtpengine #1812: the last end copies get a new timestamp -> still one press")
    void endCopiesWithANewTimestamp() {
        feed(event(1, 1000, update(4, 0)), event(2, 1000, update(4, 400)), event(3, 1000, end(4, 800)),
                event(4, 1800, end(4, 800)), event(5, 1800, end(4, 800)));
        assertThat(rec.lines()).containsExactly("start 4@1000", "end 4@1000 800 END_BIT");
    }

    @Test
    @DisplayName("rtpengine #1929: every end copy carries the new timestamp -> still one press")
    void allEndCopiesWithANewTimestamp() {
        feed(event(1, 1000, update(4, 0)), event(2, 1000, update(4, 800)), event(3, 1800, end(4, 800)),
                event(4, 1800, end(4, 800)), event(5, 1800, end(4, 800)));
        assertThat(rec.starts()).hasSize(1);
        assertThat(rec.ends()).singleElement().extracting(RecordingListener.Tone::endedBy)
                .isEqualTo(ToneEndReason.END_BIT);
    }

    @Test
    @DisplayName("peers #7/#29: a sender stamping every 20 ms update with the audio timestamp -> one press, not 222222")
    void timestampAdvancingOnEveryUpdate() {
        for (int k = 0; k < 6; k++) {
            decoder.receive(event(k, 1000 + 160L * k, update(2, 160 * k)), 0);
        }
        feed(event(6, 1000 + 160 * 6, end(2, 960)));
        assertThat(rec.starts()).extracting(RecordingListener.Tone::line).containsExactly("start 2@1000");
        assertThat(rec.ends()).hasSize(1);
    }

    @Test
    @DisplayName("rtpengine #1027 / pjsip #478: reordered packets -> one press with the longest duration")
    void reorderedPackets() {
        feed(event(2, 1000, update(8, 400)), event(SSRC, 1, 1000, true, update(8, 0)), event(4, 1000, end(8, 1200)),
                event(3, 1000, update(8, 800)), event(5, 1000, end(8, 1200)), event(6, 1000, end(8, 1200)));
        assertThat(rec.lines()).containsExactly("start 8@1000", "end 8@1000 1200 END_BIT");
    }

    @Test
    @DisplayName("livekit #742: the first packet (with the marker) is lost -> the press starts on the next")
    void lostMarker() {
        feed(event(2, 1000, update(3, 400)), event(3, 1000, end(3, 800)));
        assertThat(rec.lines()).containsExactly("start 3@1000", "end 3@1000 800 END_BIT");
    }

    @Test
    @DisplayName("lost end packets: the next press ends the previous one, the last one times out")
    void lostEnds() {
        decoder.receive(event(1, 1000, update(1, 0)), 0);
        decoder.receive(event(2, 1000, update(1, 400)), 50);
        decoder.receive(event(3, 2200, update(2, 0)), 150);
        decoder.receive(event(4, 2200, update(2, 400)), 200);
        decoder.tick(700);
        assertThat(rec.lines()).containsExactly("start 1@1000", "end 1@1000 400 NEXT_EVENT", "start 2@2200");
        decoder.tick(701);
        assertThat(rec.lines()).endsWith("end 2@2200 400 TIMEOUT");
    }

    @Test
    @DisplayName("RFC 4733 §2.5.1.4: triplicate end, each copy also duplicated by the network -> one press")
    void triplicateEndDuplicatedByTheNetwork() {
        feed(event(1, 1000, update(6, 0)));
        for (int copy = 0; copy < 3; copy++) {
            byte[] p = event(2 + copy, 1000, end(6, 800));
            feed(p, p);
        }
        assertThat(rec.lines()).containsExactly("start 6@1000", "end 6@1000 800 END_BIT");
    }

    @Test
    @DisplayName("Asterisk unsigned compare: a second key whose timestamp wrapped past 2^32 is not dropped")
    void secondKeyAfterTimestampWrap() {
        long first = 0xFFFF_FC00L;
        feed(event(1, first, update(1, 0)), event(2, first, end(1, 800)), event(3, first, end(1, 800)),
                event(5, 0x200, end(2, 800)), event(6, 0x200, end(2, 800))); // the second key's start was lost
        assertThat(rec.lines()).containsExactly("start 1@" + first, "end 1@" + first + " 800 END_BIT", "start 2@512",
                "end 2@512 800 END_BIT");
    }

    @Test
    @DisplayName("unimrcp #44: gaps of 160, 320 and 1696 ms between updates never count a key twice")
    void hugeGapsBetweenUpdates() {
        decoder.receive(event(1, 1000, update(5, 0)), 0);
        decoder.receive(event(2, 1000, update(5, 1280)), 160);
        decoder.receive(event(3, 1000, update(5, 3840)), 480);
        decoder.receive(event(4, 1000, update(5, 17408)), 2176); // beyond the wall-clock fallback
        decoder.receive(event(5, 1000, end(5, 17500)), 2180);
        assertThat(rec.lines()).containsExactly("start 5@1000", "end 5@1000 3840 TIMEOUT");
    }

    @Test
    @DisplayName("unimrcp #44 with a tolerant wall-clock fallback: one press with its full duration")
    void hugeGapsWithATolerantFallback() {
        TelephoneEventDecoder tolerant = TelephoneEventDecoder.builder().wallClockTimeoutMillis(2000).build(rec);
        tolerant.receive(event(1, 1000, update(5, 0)), 0);
        tolerant.receive(event(2, 1000, update(5, 1280)), 160);
        tolerant.receive(event(3, 1000, update(5, 3840)), 480);
        tolerant.receive(event(4, 1000, update(5, 17408)), 2176);
        tolerant.receive(event(5, 1000, end(5, 17500)), 2180);
        assertThat(rec.lines()).containsExactly("start 5@1000", "end 5@1000 17500 END_BIT");
    }
}
