package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The caller's keys as RFC 4733 telephone-event packets from an outside sender to the call's own
 * UDP port ({@code media.rtp} of {@code GET /_emulator/calls/{id}}, CONTRACT §3), built with
 * {@link io.callemu.dtmf.TelephoneEventSender} ({@link RtpSender}); recognize through the JS SDK 1.6.0. Lost, duplicated and garbage
 * packets and a flood to one call must not hurt the recognition or other calls (issue 5 "The
 * caller's input", anchors §3).
 */
@DisplayName("RTP DTMF from an outside sender (JS SDK)")
class RtpInputTest extends MediaConformanceTest {

  RtpSender rtp;

  @BeforeAll
  void udpSocket() {
    rtp = new RtpSender();
  }

  @AfterAll
  void closeSocket() {
    if (rtp != null) {
      rtp.close();
    }
  }

  /** {@code media.rtp} of the call. */
  JsonNode rtp(String id) {
    return detail(id).path("media").path("rtp");
  }

  static List<byte[]> packets(String keys, long ssrc) {
    return RtpSender.packets(keys, ssrc);
  }

  void send(String id, List<byte[]> datagrams) {
    rtp.send(rtp(id), datagrams);
  }

  void pinRecognize(String id, String context) {
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 8, "stopDtmfTones", List.of("pound"),
        "initialSilenceTimeoutInSeconds", 60, "operationContext", context)).result();
  }

  @Test
  @DisplayName("CA-RTP-001 every call has its own RTP port: media.rtp = {host, port, payloadType 101, clockRate 8000}")
  void everyCallHasAnRtpPort() {
    String a = connectedCall("rtp1a");
    String b = connectedCall("rtp1b");

    JsonNode rtpA = rtp(a);
    JsonNode rtpB = rtp(b);

    assertThat(rtpA.path("host").asText()).isEqualTo("127.0.0.1");
    assertThat(rtpA.path("port").asInt()).isBetween(1, 65_535);
    assertThat(rtpA.path("payloadType").asInt()).isEqualTo(101);
    assertThat(rtpA.path("clockRate").asInt()).isEqualTo(8_000);
    assertThat(rtpB.path("port").asInt()).isNotEqualTo(rtpA.path("port").asInt());
  }

  @Test
  @DisplayName("CA-RTP-002 PIN entry by RFC 4733 packets from outside: RecognizeCompleted 200/8514 with one, two, three, four, pound")
  void pinOverRtp() {
    String id = connectedCall("rtp2");
    pinRecognize(id, "rtp-pin");

    send(id, packets("1234#", 0x1234_5678L));

    assertStopToneCompleted(event(id, "RecognizeCompleted"), "one", "two", "three", "four", "pound");
  }

  @Test
  @DisplayName("CA-RTP-003 duplicated packets and a lost start packet: every key counts exactly once")
  void duplicatesAndLoss() {
    String id = connectedCall("rtp3");
    pinRecognize(id, "rtp-dup");
    List<byte[]> original = packets("56#", 0x0BAD_CAFEL);
    List<byte[]> mangled = new ArrayList<>();
    for (int i = 0; i < original.size(); i++) {
      if (i == 0) {
        continue; // the first packet of the first key (marker bit) is lost
      }
      mangled.add(original.get(i));
      mangled.add(original.get(i)); // every other packet arrives twice
    }

    send(id, mangled);

    assertThat(tones(event(id, "RecognizeCompleted"))).containsExactly("five", "six", "pound");
  }

  /** Datagrams that are no RFC 4733 key: random bytes, empty, truncated, and audio (payload type 0). */
  static List<byte[]> garbage(int randomCount, int audioCount) {
    Random random = new Random(42);
    List<byte[]> garbage = new ArrayList<>();
    for (int i = 0; i < randomCount; i++) {
      byte[] junk = new byte[random.nextInt(1, 200)];
      random.nextBytes(junk);
      garbage.add(junk);
    }
    garbage.add(new byte[0]);
    garbage.add(new byte[] {(byte) 0x80});
    byte[] audio = packets("1", 7L).get(0).clone();
    audio[1] = 0; // payload type 0 (PCMU audio), not telephone-event
    for (int i = 0; i < audioCount; i++) {
      garbage.add(audio);
    }
    return garbage;
  }

  @Test
  @DisplayName("CA-RTP-004 garbage on a call's port (random bytes, empty and truncated datagrams, audio packets): no phantom key, the next real key is recognised")
  void garbageMakesNoKey() {
    String id = connectedCall("rtp4");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 1, "initialSilenceTimeoutInSeconds", 60)).result();

    send(id, garbage(600, 300));
    // So many datagrams at once can overflow the socket's receive buffer in the kernel (UDP is lossy,
    // before callemu sees anything); like a real sender, retransmit the key's packets (same SSRC,
    // timestamp and sequence numbers: a key counts once, CA-RTP-003) until it is recognised.
    List<byte[]> key = packets("8", 0x4242L);
    for (int attempt = 0; attempt < 10 && !kinds(id).contains("RecognizeCompleted"); attempt++) {
      send(id, key);
      node.call("waitCallback", Map.of("callConnectionId", id, "kind", "RecognizeCompleted", "timeoutMs", 1_000));
    }

    assertThat(tones(event(id, "RecognizeCompleted"))).containsExactly("eight");
  }

  @Test
  @DisplayName("CA-RTP-006 a flood (20 000 datagrams) on one call's port does not hurt another call: its PIN over RTP is recognised, callemu stays healthy")
  void floodHurtsNoOtherCall() {
    String flooded = connectedCall("rtp6a");
    String other = connectedCall("rtp6b");
    recognize(flooded, "dtmf", Map.of("maxTonesToCollect", 1, "initialSilenceTimeoutInSeconds", 60)).result();
    pinRecognize(other, "rtp-other");
    List<byte[]> flood = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      flood.addAll(garbage(1_000, 1_000));
    }

    send(flooded, flood);
    send(other, packets("0#", 99L));

    assertStopToneCompleted(event(other, "RecognizeCompleted"), "zero", "pound");
    assertThat(callemu.control().health().path("status").asText()).isEqualTo("ready");
    assertNoEvent(flooded, "RecognizeCompleted");
  }

  @Test
  @DisplayName("CA-RTP-005 keys over RTP feed continuous DTMF too: ToneReceived with sequenceId 1, 2")
  void rtpFeedsContinuousDtmf() {
    String id = connectedCall("rtp5");
    media("startContinuousDtmfRecognition", id, Map.of("target", CALLEE, "operationContext", "rtp-cd")).result();

    send(id, packets("*0", 0x77L));

    List<JsonNode> received = awaitEvents(id, "ContinuousDtmfRecognitionToneReceived", 2);
    assertThat(received).extracting(e -> e.path("tone").asText()).containsExactly("asterisk", "zero");
    assertThat(received).extracting(e -> e.path("sequenceId").asInt()).containsExactly(1, 2);
  }
}
