package io.callemu.emulator.core.media;

import static io.callemu.emulator.core.media.MediaFixture.dtmfRecognize;
import static io.callemu.emulator.core.media.MediaFixture.result;
import static io.callemu.emulator.core.media.MediaFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.dtmf.TelephoneEventSender;
import io.callemu.dtmf.TimedPacket;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Continuous DTMF, :sendDtmfTones, the control dtmf endpoint and the per-call RTP port. */
@ExtendWith(VertxExtension.class)
class DtmfInputTest {

  private MediaFixture f;

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  private static JsonObject continuous(String context) {
    return new JsonObject().put("targetParticipant", target()).put("operationContext", context);
  }

  @Test
  void continuousDtmfReportsEveryKeyWithARisingSequenceIdThenStops(Vertx vertx) {
    f = MediaFixture.start(vertx);
    assertThat(f.action("startContinuousDtmfRecognition", continuous("c")).status()).isEqualTo(200);
    f.press("1#");
    f.emu.advance(1_000);
    assertThat(f.action("stopContinuousDtmfRecognition", continuous("c")).status()).isEqualTo(200);
    f.emu.advance(0);
    f.press("5");
    f.emu.advance(1_000);
    assertThat(f.mediaEvents()).containsExactly("ContinuousDtmfRecognitionToneReceived",
        "ContinuousDtmfRecognitionToneReceived", "ContinuousDtmfRecognitionStopped");
    List<JsonObject> tones = f.app.received().stream().skip(2).limit(2).map(r -> r.event().getJsonObject("data")).toList();
    assertThat(tones).extracting(d -> d.getInteger("sequenceId")).containsExactly(1, 2);
    assertThat(tones).extracting(d -> d.getString("tone")).containsExactly("one", "pound");
    assertThat(result(tones.get(0)).getMap()).isEqualTo(Map.of("code", 200, "subCode", 0,
        "message", "DTMF tone received successfully."));
    assertThat(result(f.last("ContinuousDtmfRecognitionStopped")).getInteger("subCode")).isEqualTo(0);
  }

  @Test
  void hangUpStopsContinuousDtmfWith7000BeforeCallDisconnected(Vertx vertx) {
    f = MediaFixture.start(vertx);
    f.accepted("startContinuousDtmfRecognition", continuous("c"));
    f.press("2");
    f.emu.advance(500);
    assertThat(f.emu.acs("DELETE", "/calling/callConnections/" + f.callId + "?api-version=2026-03-12", null)
        .status()).isEqualTo(204);
    f.emu.advance(0);
    assertThat(f.mediaEvents()).containsExactly("ContinuousDtmfRecognitionToneReceived",
        "ContinuousDtmfRecognitionStopped", "CallDisconnected");
    assertThat(result(f.last("ContinuousDtmfRecognitionStopped")).getMap()).isEqualTo(Map.of("code", 200,
        "subCode", 7000, "message", "The conversation has ended. DiagCode: 0#7000.@"));
    assertThat(f.last("ContinuousDtmfRecognitionStopped").getString("operationContext")).isEqualTo("c");
  }

  @Test
  void continuousDtmfIsNotInApi20230306(Vertx vertx) {
    f = MediaFixture.start(vertx);
    assertThat(f.action("startContinuousDtmfRecognition", continuous("c"), "2023-03-06").status()).isEqualTo(405);
  }

  @Test
  void sendDtmfTonesAnswers202WithTheContextAndCompletes(Vertx vertx) {
    f = MediaFixture.start(vertx);
    var r = f.action("sendDtmfTones", new JsonObject().put("tones", new JsonArray().add("one").add("two"))
        .put("targetParticipant", target()).put("operationContext", "s"));
    assertThat(r.status()).isEqualTo(202);
    assertThat(r.json().getString("operationContext")).isEqualTo("s");
    f.emu.advance(499);
    assertThat(f.mediaEvents()).isEmpty();
    f.emu.advance(1);
    assertThat(f.mediaEvents()).containsExactly("SendDtmfTonesCompleted");
    assertThat(result(f.last("SendDtmfTonesCompleted")).getMap()).isEqualTo(Map.of("code", 200, "subCode", 0,
        "message", ""));
  }

  @Test
  void sendDtmfTonesRefusesMoreThan18TonesAndUnknownNames(Vertx vertx) {
    f = MediaFixture.start(vertx);
    JsonArray many = new JsonArray();
    for (int i = 0; i < 19; i++) {
      many.add("one");
    }
    var r = f.action("sendDtmfTones", new JsonObject().put("tones", many).put("targetParticipant", target()));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("8523");
    assertThat(r.body()).contains("tones");
    r = f.action("sendDtmfTones", new JsonObject().put("tones", new JsonArray().add("eleven")).put("targetParticipant", target()));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("tones[0]");
  }

  @Test
  void controlDtmfTakesToneNamesAndRefusesBadInput(Vertx vertx) {
    f = MediaFixture.start(vertx);
    f.accepted("recognize", dtmfRecognize(2, new JsonObject(), new JsonObject()));
    var ok = f.control("dtmf", new JsonObject().put("tones", new JsonArray().add("asterisk").add("d")).put("toneMs", 80));
    assertThat(ok.status()).isEqualTo(202);
    assertThat(ok.json().getJsonArray("tones")).containsExactly("asterisk", "d");
    assertThat(ok.json().getString("participant")).isEqualTo(MediaFixture.CALLEE);
    f.emu.advance(1_000);
    assertThat(f.last("RecognizeCompleted").getJsonObject("dtmfResult").getJsonArray("tones")).containsExactly("asterisk", "d");

    assertThat(f.control("dtmf", new JsonObject().put("tones", "12x")).status()).isEqualTo(400);
    assertThat(f.control("dtmf", new JsonObject().put("tones", "1").put("toneMs", 0)).status()).isEqualTo(400);
    assertThat(f.control("dtmf", new JsonObject().put("tones", "1").put("participant", "4:+1999")).status()).isEqualTo(400);
    assertThat(f.emu.control("POST", "/_emulator/calls/nope/dtmf", new JsonObject().put("tones", "1")).status()).isEqualTo(404);
  }

  private static int rtpPort(MediaFixture f) {
    JsonObject rtp = f.detail().getJsonObject("media").getJsonObject("rtp");
    assertThat(rtp.getString("host")).isEqualTo("127.0.0.1");
    assertThat(rtp.getInteger("payloadType")).isEqualTo(101);
    assertThat(rtp.getInteger("clockRate")).isEqualTo(8000);
    return rtp.getInteger("port");
  }

  /** Sends datagrams and waits (by polling the call detail) until the emulator counted them all. */
  private static void send(MediaFixture f, int port, List<byte[]> packets, long expectedTotal) throws Exception {
    send(f, port, packets, rtp -> rtp.getLong("packetsReceived") >= expectedTotal);
  }

  private static void send(MediaFixture f, int port, List<byte[]> packets,
      java.util.function.Predicate<JsonObject> done) throws Exception {
    try (DatagramSocket socket = new DatagramSocket()) {
      for (byte[] p : packets) {
        socket.send(new DatagramPacket(p, p.length, InetAddress.getLoopbackAddress(), port));
      }
    }
    for (int i = 0; i < 2_000; i++) {
      if (done.test(f.detail().getJsonObject("media").getJsonObject("rtp"))) {
        return;
      }
    }
    throw new AssertionError("the emulator did not receive the packets: " + f.detail());
  }

  @Test
  void rtpFromAnOutsideSenderIsDecodedIntoTheCallsInput(Vertx vertx) throws Exception {
    f = MediaFixture.start(vertx);
    f.accepted("recognize", dtmfRecognize(3, new JsonObject(), new JsonObject()));
    int port = rtpPort(f);
    List<byte[]> packets = TelephoneEventSender.builder(0x1234).build().encode("987", 60, 60).stream()
        .map(TimedPacket::packet).toList();
    send(f, port, packets, packets.size());
    f.emu.advance(0);
    assertThat(f.last("RecognizeCompleted").getJsonObject("dtmfResult").getJsonArray("tones"))
        .containsExactly("nine", "eight", "seven");
    JsonObject decoded = f.detail().getJsonObject("media").getJsonObject("rtp").getJsonObject("decoded");
    assertThat(decoded.getLong("accepted")).isEqualTo(packets.size());
  }

  @Test
  void garbageAndFloodsAreCountedAndDropped(Vertx vertx) throws Exception {
    f = MediaFixture.start(vertx, c -> c.withSetting("rtp.maxPacketsPerSecond", "50"), false);
    f.accepted("recognize", dtmfRecognize(1, new JsonObject(), new JsonObject()));
    int port = rtpPort(f);
    List<byte[]> junk = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      byte[] b = new byte[ThreadLocalRandom.current().nextInt(1, 64)];
      ThreadLocalRandom.current().nextBytes(b);
      b[0] = (byte) 0x12; // not RTP version 2
      junk.add(b);
    }
    junk.add(new byte[4_000]);
    send(f, port, junk, junk.size());
    JsonObject rtp = f.detail().getJsonObject("media").getJsonObject("rtp");
    assertThat(rtp.getLong("droppedOversize")).isEqualTo(1);
    assertThat(rtp.getJsonObject("decoded").getLong("malformed_rtp")).isEqualTo(40);

    // A flood: far more than 50 packets in a second (the kernel may shed some on its own); the
    // excess that arrives is dropped undecoded, and the call still works.
    List<byte[]> flood = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      flood.add(new byte[] {(byte) 0x80, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1});
    }
    send(f, port, flood, r -> r.getLong("droppedOverRate") > 0);
    rtp = f.detail().getJsonObject("media").getJsonObject("rtp");
    long decoded = rtp.getJsonObject("decoded").stream().mapToLong(e -> ((Number) e.getValue()).longValue()).sum();
    // 40 junk packets plus at most two one-second windows of 50: never the whole flood of 300.
    assertThat(decoded).isLessThanOrEqualTo(40 + 2 * 50);
    f.press("4");
    f.emu.advance(200);
    assertThat(f.mediaEvents()).containsExactly("RecognizeCompleted");
  }

  @Test
  @SuppressWarnings("try") // binding the port is the check
  void theRtpPortClosesWhenTheCallEnds(Vertx vertx) throws Exception {
    f = MediaFixture.start(vertx);
    int port = rtpPort(f);
    f.emu.control("POST", "/_emulator/calls/" + f.callId + "/hangup", null);
    f.emu.advance(0);
    assertThat(f.detail().getJsonObject("media").getValue("rtp")).isNull();
    // The port is free again: binding it succeeds.
    boolean bound = false;
    for (int i = 0; i < 200 && !bound; i++) {
      try (DatagramSocket s = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
        bound = true;
      } catch (java.net.SocketException e) {
        f.emu.advance(0);
      }
    }
    assertThat(bound).isTrue();
  }

  @Test
  void withoutPortsPerCallTheControlApiStillPressesKeys(Vertx vertx) {
    f = MediaFixture.start(vertx, c -> c.withSetting("rtp.portPerCall", "false"), false);
    assertThat(f.detail().getJsonObject("media").getValue("rtp")).isNull();
    f.accepted("recognize", dtmfRecognize(1, new JsonObject(), new JsonObject()));
    f.press("3");
    f.emu.advance(100);
    assertThat(f.last("RecognizeCompleted").getJsonObject("dtmfResult").getJsonArray("tones")).containsExactly("three");
  }
}
