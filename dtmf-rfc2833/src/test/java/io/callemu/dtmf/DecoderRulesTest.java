package io.callemu.dtmf;

import static io.callemu.dtmf.Packets.SSRC;
import static io.callemu.dtmf.Packets.audio;
import static io.callemu.dtmf.Packets.end;
import static io.callemu.dtmf.Packets.event;
import static io.callemu.dtmf.Packets.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One test vector per receiver rule of anchors §3.3 (numbered as there), plus the listener contract. */
class DecoderRulesTest {
    private final RecordingListener rec = new RecordingListener();
    private final TelephoneEventDecoder decoder = TelephoneEventDecoder.create(rec);

    private void feed(byte[]... packets) {
        for (byte[] p : packets) {
            assertThat(decoder.receive(p, 0)).isEqualTo(DecodeResult.ACCEPTED);
        }
    }

    @Test
    @DisplayName("rule 1: a new timestamp starts a press at once; the marker bit is only a hint")
    void newTimestampStartsPressMarkerIsAHint() {
        feed(event(1, 1000, update(5, 0))); // no marker: the first packet was lost or the sender omits it
        assertThat(rec.lines()).containsExactly("start 5@1000");
        feed(event(SSRC, 2, 1000, true, update(5, 400))); // a marker on a later packet restarts nothing
        feed(event(3, 1000, end(5, 800)), event(4, 1000, end(5, 800)), event(5, 1000, end(5, 800)));
        assertThat(rec.lines()).containsExactly("start 5@1000", "end 5@1000 800 END_BIT");
        assertThat(rec.ends().get(0).durationMillis()).isEqualTo(100);
        assertThat(rec.starts().get(0).ssrc()).isEqualTo(SSRC);
    }

    @Test
    @DisplayName("rule 2: higher durations update the press, lower ones are stale")
    void durationUpdatesAndStaleReports() {
        feed(event(1, 1000, update(5, 0)), event(2, 1000, update(5, 800)), event(3, 1000, update(5, 400)),
                event(4, 1000, end(5, 400)));
        assertThat(rec.lines()).containsExactly("start 5@1000", "end 5@1000 800 END_BIT");
    }

    @Test
    @DisplayName("rule 2: a duration that wraps past 0xFFFF under one timestamp keeps counting")
    void durationWrapUnderOneTimestamp() {
        feed(event(1, 1000, update(5, 65000)), event(2, 1000, update(5, 65500)), event(3, 1000, update(5, 200)),
                event(4, 1000, end(5, 1000)));
        assertThat(rec.lines()).containsExactly("start 5@1000", "end 5@1000 66536 END_BIT");
    }

    @Test
    @DisplayName("rule 3: the three end copies and late duplicates give one press")
    void endCopiesAndLateDuplicatesGiveOnePress() {
        feed(event(1, 1000, update(7, 0)), event(2, 1000, end(7, 800)), event(3, 1000, end(7, 800)),
                event(4, 1000, end(7, 800)), event(5, 1000, update(7, 400)), event(2, 1000, end(7, 800)));
        assertThat(rec.lines()).containsExactly("start 7@1000", "end 7@1000 800 END_BIT");
        assertThat(decoder.activePresses()).isZero();
    }

    @Test
    @DisplayName("rule 4: an end without a start still produces the press")
    void endWithoutStart() {
        feed(event(3, 1000, end(9, 640)), event(4, 1000, end(9, 640)));
        assertThat(rec.lines()).containsExactly("start 9@1000", "end 9@1000 640 END_BIT");
    }

    @Test
    @DisplayName("rule 5: no end -> over once the stream's RTP clock passes the known end by 150 ms")
    void noEndTimesOutOnTheRtpClock() {
        feed(event(1, 1000, update(5, 0)), event(2, 1000, update(5, 400)));
        decoder.receive(audio(SSRC + 1, 1, 900_000), 0); // another stream's clock does not count
        assertThat(decoder.trackedSsrcs()).as("audio of an unknown stream costs no state").isEqualTo(1);
        decoder.receive(audio(SSRC, 3, 1000 + 400 + 1200), 0); // exactly at the window: still running
        assertThat(rec.lines()).containsExactly("start 5@1000");
        assertThat(decoder.receive(audio(SSRC, 4, 1000 + 400 + 1201), 0)).isEqualTo(DecodeResult.OTHER_PAYLOAD_TYPE);
        assertThat(rec.lines()).containsExactly("start 5@1000", "end 5@1000 400 TIMEOUT");
    }

    @Test
    @DisplayName("rule 5: no end -> over once the next press starts later than the window")
    void noEndTimesOutWhenTheNextPressIsFarLater() {
        feed(event(1, 1000, update(5, 400)), event(2, 1000 + 400 + 1201, update(6, 0)));
        assertThat(rec.lines()).containsExactly("start 5@1000", "end 5@1000 400 TIMEOUT", "start 6@2601");
    }

    @Test
    @DisplayName("rule 5: no end and no packets -> the injected wall clock ends the press (no sleeping)")
    void noEndTimesOutOnTheWallClock() {
        decoder.receive(event(1, 1000, update(5, 0)), 0);
        decoder.receive(event(2, 1000, update(5, 800)), 100);
        assertThat(decoder.nextTimeoutMillis()).isEqualTo(601);
        decoder.tick(600);
        assertThat(rec.lines()).containsExactly("start 5@1000");
        decoder.tick(601);
        assertThat(rec.lines()).containsExactly("start 5@1000", "end 5@1000 800 TIMEOUT");
        assertThat(decoder.nextTimeoutMillis()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    @DisplayName("rule 6: a long press continues at timestamp + 0xFFFF and stays one press")
    void longPressContinuesInANewSegment() {
        feed(event(1, 1000, update(5, 0)), event(2, 1000, update(5, 65000)), event(3, 1000, update(5, 0xFFFF)),
                event(4, 1000 + 0xFFFF, update(5, 400)), event(5, 1000 + 0xFFFF, end(5, 800)),
                event(6, 1000 + 0xFFFF, end(5, 800)), event(7, 1000, update(5, 65200)));
        assertThat(rec.lines()).containsExactly("start 5@1000", "end 5@1000 " + (0xFFFF + 800) + " END_BIT");
    }

    @Test
    @DisplayName("rule 6: a continuation segment is recognised even when the 0xFFFF report was lost")
    void longPressContinuesWithoutTheFullSegmentReport() {
        feed(event(1, 1000, update(5, 60000)), event(2, 1000 + 0xFFFF, update(5, 400)),
                event(3, 1000 + 0xFFFF, end(5, 800)));
        assertThat(rec.lines()).containsExactly("start 5@1000", "end 5@1000 " + (0xFFFF + 800) + " END_BIT");
    }

    @Test
    @DisplayName("rule 6: the next segment of a press that already timed out is absorbed, not a second press")
    void segmentOfATimedOutPressIsAbsorbed() {
        decoder.receive(event(1, 1000, update(5, 40000)), 0);
        decoder.tick(1000); // updates lost for a second: the press times out
        decoder.receive(event(2, 1000 + 0xFFFF, update(5, 400)), 1100);
        decoder.receive(event(3, 1000 + 0xFFFF, end(5, 800)), 1150);
        assertThat(rec.lines()).containsExactly("start 5@1000", "end 5@1000 40000 TIMEOUT");
    }

    @Test
    @DisplayName("rule 7: several reports in one packet are processed in order, each starting where the previous ended")
    void severalEventsInOnePacket() {
        feed(event(1, 1000, end(1, 800), update(2, 400)), event(2, 1800, end(2, 800)));
        assertThat(rec.lines()).containsExactly("start 1@1000", "end 1@1000 800 END_BIT", "start 2@1800",
                "end 2@1800 800 END_BIT");
    }

    @Test
    @DisplayName("rule 7 + 8: an ignored code inside a packet still occupies its time")
    void ignoredCodeInsideAPacket() {
        feed(event(1, 1000, update(200, 160), update(3, 0)));
        assertThat(rec.lines()).containsExactly("start 3@1160");
    }

    @Test
    @DisplayName("rule 8: codes above 16 are ignored and cost no state")
    void codesAbove16AreIgnored() {
        feed(event(1, 1000, update(17, 0)), event(2, 1000, end(100, 800)), event(3, 1000, update(255, 400)));
        assertThat(rec.lines()).isEmpty();
        assertThat(decoder.trackedSsrcs()).isZero();
    }

    @Test
    @DisplayName("rule 8: 16 is reported as flash, which is not a key")
    void flashIsReportedButIsNotAKey() {
        feed(event(1, 1000, update(16, 0)), event(2, 1000, end(16, 800)));
        assertThat(rec.lines()).containsExactly("start flash@1000", "end flash@1000 800 END_BIT");
        assertThat(rec.starts().get(0).tone().isKey()).isFalse();
    }

    @Test
    @DisplayName("rule 9: sequence numbers wrap past 65535 without effect")
    void sequenceNumberWrap() {
        feed(event(65534, 1000, update(1, 0)), event(65535, 1000, update(1, 400)), event(0, 1000, end(1, 800)),
                event(1, 1000, end(1, 800)), event(2, 2400, update(2, 0)), event(3, 2400, end(2, 800)));
        assertThat(rec.lines()).containsExactly("start 1@1000", "end 1@1000 800 END_BIT", "start 2@2400",
                "end 2@2400 800 END_BIT");
    }

    @Test
    @DisplayName("rule 9: timestamps wrap past 2^32 (serial arithmetic), inside a press and between presses")
    void timestampWrap() {
        long a = 0xFFFF_FE00L; // press A runs across the wrap: it ends at 0x120
        feed(event(1, a, update(5, 0)), event(2, a, update(5, 800)), event(3, 0x500, update(5, 0)),
                event(4, 0x500, end(5, 800)), event(5, a, end(5, 800)));
        assertThat(rec.lines()).containsExactly("start 5@" + a, "end 5@" + a + " 800 NEXT_EVENT", "start 5@1280",
                "end 5@1280 800 END_BIT");
    }

    @Test
    @DisplayName("rule 9: late reports of a press whose state was recycled are dropped")
    void lateReportsOfARecycledPressAreDropped() {
        TelephoneEventDecoder small = TelephoneEventDecoder.builder().maxEventsPerSsrc(2).build(rec);
        for (int i = 0; i < 3; i++) {
            small.receive(event(i, 1000 + 2000L * i, end(i, 800)), 0);
        }
        small.receive(event(10, 1000, end(0, 800)), 0);
        small.receive(event(11, 1000, update(0, 400)), 0);
        assertThat(rec.starts()).extracting(RecordingListener.Tone::ts).containsExactly(1000L, 3000L, 5000L);
        assertThat(small.trackedPresses(SSRC)).isEqualTo(2);
    }

    @Test
    @DisplayName("rule 10: the same key twice with a new timestamp is two presses, even without an end")
    void repeatedKeyIsTwoPresses() {
        feed(event(1, 1000, update(5, 0)), event(2, 1000, update(5, 400)), // end packets lost
                event(3, 2200, update(5, 0)), event(4, 2200, end(5, 800)));
        assertThat(rec.lines()).containsExactly("start 5@1000", "end 5@1000 400 NEXT_EVENT", "start 5@2200",
                "end 5@2200 800 END_BIT");
    }

    @Test
    @DisplayName("rule 10: the same key twice with ends is two presses")
    void repeatedKeyWithEndsIsTwoPresses() {
        feed(event(1, 1000, end(5, 800)), event(2, 1000, end(5, 800)), event(3, 2200, end(5, 800)));
        assertThat(rec.starts()).hasSize(2);
        assertThat(rec.ends()).extracting(RecordingListener.Tone::endedBy)
                .containsExactly(ToneEndReason.END_BIT, ToneEndReason.END_BIT);
    }

    @Test
    @DisplayName("streams of different SSRCs never mix, even with equal timestamps and codes")
    void ssrcsNeverMix() {
        long other = 0xFFFF_FFFFL;
        feed(event(SSRC, 1, 1000, true, update(5, 0)), event(other, 1, 1000, true, update(5, 0)),
                event(SSRC, 2, 1000, false, end(5, 800)), event(other, 2, 1000, false, update(5, 400)));
        assertThat(rec.tones).extracting(t -> t.ssrc() + " " + t.line()).containsExactly(
                SSRC + " start 5@1000", other + " start 5@1000", SSRC + " end 5@1000 800 END_BIT");
        feed(event(other, 3, 1000, false, end(5, 1200)));
        assertThat(rec.ends()).extracting(RecordingListener.Tone::ssrc).containsExactly(SSRC, other);
        assertThat(decoder.trackedSsrcs()).isEqualTo(2);
    }

    @Test
    @DisplayName("payload type and clock rate are configurable")
    void payloadTypeAndClockRateAreConfigurable() {
        TelephoneEventDecoder wideband = TelephoneEventDecoder.builder().payloadType(96).clockRate(16000).build(rec);
        assertThat(wideband.receive(event(SSRC, 101, 1, 1000, true, end(5, 1600)), 0))
                .isEqualTo(DecodeResult.OTHER_PAYLOAD_TYPE);
        assertThat(rec.tones).isEmpty();
        wideband.receive(event(SSRC, 96, 2, 1000, true, update(5, 1600)), 0);
        wideband.receive(audio(SSRC, 3, 1000 + 1600 + 2400), 0); // 150 ms at 16 kHz: still running
        assertThat(rec.ends()).isEmpty();
        wideband.receive(event(SSRC, 96, 4, 1000, false, end(5, 1600)), 0);
        assertThat(rec.ends()).singleElement().satisfies(t -> {
            assertThat(t.durationSamples()).isEqualTo(1600);
            assertThat(t.durationMillis()).isEqualTo(100);
        });
        assertThat(wideband.payloadType()).isEqualTo(96);
        assertThat(wideband.clockRate()).isEqualTo(16000);
    }

    @Test
    @DisplayName("malformed packets are rejected with a reason and never throw")
    void malformedPacketsAreRejected() {
        assertThat(decoder.receive(new byte[5], 0)).isEqualTo(DecodeResult.MALFORMED_RTP);
        assertThat(decoder.lastRtpError()).isEqualTo(RtpParseResult.TOO_SHORT);
        byte[] version1 = event(1, 1000, update(5, 0));
        version1[0] = 0x40;
        assertThat(decoder.receive(version1, 0)).isEqualTo(DecodeResult.MALFORMED_RTP);
        assertThat(decoder.lastRtpError()).isEqualTo(RtpParseResult.BAD_VERSION);
        byte[] good = event(1, 1000, update(5, 0), update(5, 0));
        for (int length : new int[] {12, 13, 15, 18}) {
            assertThat(decoder.receive(good, 0, length, 0)).as("length %d", length)
                    .isEqualTo(DecodeResult.MALFORMED_EVENT_PAYLOAD);
        }
        assertThat(rec.tones).isEmpty();
        assertThat(decoder.count(DecodeResult.MALFORMED_RTP)).isEqualTo(2);
        assertThat(decoder.count(DecodeResult.MALFORMED_EVENT_PAYLOAD)).isEqualTo(4);
        assertThat(decoder.count(DecodeResult.ACCEPTED)).isZero();
    }

    @Test
    @DisplayName("invalid settings are rejected with the setting's name")
    void invalidSettingsAreRejected() {
        TelephoneEventDecoder.Builder b = TelephoneEventDecoder.builder();
        assertThatThrownBy(() -> b.payloadType(128)).hasMessageContaining("payloadType");
        assertThatThrownBy(() -> b.clockRate(0)).hasMessageContaining("clockRate");
        assertThatThrownBy(() -> b.maxSsrcs(0)).hasMessageContaining("maxSsrcs");
        assertThatThrownBy(() -> b.maxEventsPerSsrc(1))
                .hasMessageContaining("maxEventsPerSsrc");
        assertThatThrownBy(() -> b.wallClockTimeoutMillis(0))
                .hasMessageContaining("wallClockTimeoutMillis");
    }
}
