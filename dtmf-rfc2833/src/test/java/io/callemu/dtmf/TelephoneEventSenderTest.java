package io.callemu.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelephoneEventSenderTest {
    private static final long SSRC = 0xA1B2C3D4L;

    /** "at send-time: seq ts M? code E? duration volume" for each packet, read back through the RTP view. */
    private static List<String> describe(List<TimedPacket> packets) {
        RtpPacket rtp = new RtpPacket();
        List<String> lines = new ArrayList<>();
        for (TimedPacket p : packets) {
            assertThat(rtp.wrap(p.packet(), 0, p.packet().length)).isEqualTo(RtpParseResult.OK);
            assertThat(rtp.ssrc()).isEqualTo(SSRC);
            assertThat(rtp.payloadLength()).isEqualTo(4);
            byte[] b = p.packet();
            int at = rtp.payloadOffset();
            lines.add(p.sendAtMillis() + ": " + rtp.sequenceNumber() + " " + rtp.timestamp() + (rtp.marker() ? " M" : "")
                    + " " + TelephoneEventReport.event(b, at) + (TelephoneEventReport.end(b, at) ? " E" : "")
                    + " " + TelephoneEventReport.duration(b, at) + " v" + TelephoneEventReport.volume(b, at));
        }
        return lines;
    }

    @Test
    void onePressHasMarkerUpdatesAndThreeEndCopies() {
        TelephoneEventSender sender = TelephoneEventSender.builder(SSRC).startSequenceNumber(100).startTimestamp(5000).build();
        assertThat(describe(sender.encode("1", 100, 150))).containsExactly(
                "0: 100 5000 M 1 0 v10",
                "50: 101 5000 1 400 v10",
                "100: 102 5000 1 E 800 v10",
                "150: 103 5000 1 E 800 v10",
                "200: 104 5000 1 E 800 v10");
        assertThat(sender.nextSequenceNumber()).isEqualTo(105);
        assertThat(sender.nextTimestamp()).isEqualTo(5000 + 250 * 8);
    }

    @Test
    void pressesFollowEachOtherAfterTheGapAndEndCopiesStayInsideIt() {
        TelephoneEventSender sender = TelephoneEventSender.builder(SSRC).startTimestamp(5000).volume(20).build();
        assertThat(describe(sender.encode("1#", 100, 60))).containsExactly(
                "0: 0 5000 M 1 0 v20",
                "50: 1 5000 1 400 v20",
                "100: 2 5000 1 E 800 v20",
                "120: 3 5000 1 E 800 v20",
                "140: 4 5000 1 E 800 v20",
                "160: 5 6280 M 11 0 v20",
                "210: 6 6280 11 400 v20",
                "260: 7 6280 11 E 800 v20",
                "310: 8 6280 11 E 800 v20",
                "360: 9 6280 11 E 800 v20");
    }

    @Test
    void twentyMillisecondIntervalAndSequenceWrap() {
        TelephoneEventSender sender = TelephoneEventSender.builder(SSRC).packetIntervalMillis(20)
                .startSequenceNumber(65534).startTimestamp(0xFFFF_FFF0L).build();
        List<String> lines = describe(sender.encode("9", 100, 100));
        assertThat(lines).hasSize(8).startsWith("0: 65534 4294967280 M 9 0 v10", "20: 65535 4294967280 9 160 v10",
                "40: 0 4294967280 9 320 v10");
        assertThat(lines.get(5)).isEqualTo("100: 3 4294967280 9 E 800 v10");
        assertThat(sender.nextTimestamp()).isEqualTo((0xFFFF_FFF0L + 1600) & 0xFFFF_FFFFL);
    }

    @Test
    void longPressIsSegmentedAt0xFFFF() {
        TelephoneEventSender sender = TelephoneEventSender.builder(SSRC).startTimestamp(1000).build();
        List<String> lines = describe(sender.encode("5", 10_000, 100));
        assertThat(lines).contains("8200: 164 1000 5 65535 v10", "8250: 165 66535 5 465 v10")
                .endsWith("10000: 200 66535 5 E 14465 v10", "10050: 201 66535 5 E 14465 v10",
                        "10100: 202 66535 5 E 14465 v10");
        assertThat(lines.stream().filter(l -> l.contains(" M "))).hasSize(1);

        RecordingListener rec = new RecordingListener();
        TelephoneEventDecoder decoder = TelephoneEventDecoder.create(rec);
        TelephoneEventSender again = TelephoneEventSender.builder(SSRC).startTimestamp(1000).build();
        again.encode("5", 10_000, 100).forEach(p -> decoder.receive(p.packet(), p.sendAtMillis()));
        assertThat(rec.lines()).containsExactly("start 5@1000", "end 5@1000 80000 END_BIT");
    }

    @Test
    void pressEndingRightAfterASegmentFilledUp() {
        // 8200 ms = 65600 samples: the segment fills between the last update (8150 ms) and the end.
        TelephoneEventSender sender = TelephoneEventSender.builder(SSRC).startTimestamp(0).build();
        List<String> lines = describe(sender.encode("5", 8200, 100));
        assertThat(lines).endsWith("8200: 164 0 5 65535 v10", "8200: 165 65535 5 E 65 v10",
                "8250: 166 65535 5 E 65 v10", "8300: 167 65535 5 E 65 v10");
    }

    @Test
    void everyToneRoundTripsThroughTheDecoder() {
        RecordingListener rec = new RecordingListener();
        TelephoneEventDecoder decoder = TelephoneEventDecoder.create(rec);
        TelephoneEventSender sender = TelephoneEventSender.builder(SSRC).build();
        List<DtmfTone> all = Arrays.asList(DtmfTone.values());
        sender.encode(all, 70, 50).forEach(p -> decoder.receive(p.packet(), p.sendAtMillis()));
        assertThat(rec.starts()).extracting(RecordingListener.Tone::tone).containsExactlyElementsOf(all);
        assertThat(rec.ends()).allSatisfy(t -> {
            assertThat(t.endedBy()).isEqualTo(ToneEndReason.END_BIT);
            assertThat(t.durationMillis()).isEqualTo(70);
        });
    }

    @Test
    void batchesContinueOneStream() {
        TelephoneEventSender sender = TelephoneEventSender.builder(SSRC).build();
        sender.encode("1", 100, 100);
        sender.skipMillis(1000);
        List<String> lines = describe(sender.encode("2", 100, 100));
        assertThat(lines.get(0)).isEqualTo("0: 5 " + (200 + 1000) * 8 + " M 2 0 v10");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 3_600_001})
    void rejectsBadToneDurations(int toneMillis) {
        TelephoneEventSender sender = TelephoneEventSender.builder(SSRC).build();
        assertThatThrownBy(() -> sender.encode("1", toneMillis, 100)).hasMessageContaining("toneMillis");
    }

    @Test
    void rejectsBadSettingsAndKeys() {
        TelephoneEventSender sender = TelephoneEventSender.builder(SSRC).build();
        assertThatThrownBy(() -> sender.encode("1", 100, -1)).hasMessageContaining("gapMillis");
        assertThatThrownBy(() -> sender.encode("1x", 100, 100)).hasMessageContaining("'x'");
        assertThatThrownBy(() -> TelephoneEventSender.builder(-1)).hasMessageContaining("ssrc");
        assertThatThrownBy(() -> TelephoneEventSender.builder(SSRC).volume(64)).hasMessageContaining("volume");
        assertThatThrownBy(() -> TelephoneEventSender.builder(SSRC).packetIntervalMillis(0))
                .hasMessageContaining("packetIntervalMillis");
        assertThatThrownBy(() -> TelephoneEventSender.builder(SSRC).startSequenceNumber(65536))
                .hasMessageContaining("startSequenceNumber");
        assertThatThrownBy(() -> TelephoneEventSender.builder(SSRC).startTimestamp(1L << 32))
                .hasMessageContaining("startTimestamp");
    }
}
