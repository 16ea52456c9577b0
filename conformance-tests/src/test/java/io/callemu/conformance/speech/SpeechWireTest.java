package io.callemu.conformance.speech;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A raw WebSocket client speaking the Speech SDKs' protocol as they write it (reference official-clients.md
 * 6.3), checking every frame callemu sends against the rules of 6.5, each of which hangs a real SDK when
 * broken, and the documented close codes for bad input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpeechWireTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private SpeechTarget target;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() {
    target = SpeechTarget.start();
  }

  @AfterAll
  void stop() {
    target.close();
  }

  @BeforeEach
  void clear() {
    target.control().clearSpeechTranscripts();
  }

  /** A service message: headers and body. */
  private record Frame(Map<String, String> headers, String body, String raw) {
    String path() {
      return headers.get("Path");
    }

    String requestId() {
      return headers.get("X-RequestId");
    }

    JsonNode json() throws Exception {
      return JSON.readTree(body);
    }
  }

  /** One connection: frames received, and the close. */
  private final class Connection implements WebSocket.Listener {
    final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket ws;

    Connection open(String path) throws Exception {
      ws = http.newWebSocketBuilder().header("Ocp-Apim-Subscription-Key", target.key)
          .header("X-ConnectionId", UUID.randomUUID().toString().replace("-", ""))
          .buildAsync(URI.create(target.ws() + path), this).get(10, TimeUnit.SECONDS);
      return this;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String raw = partial.toString();
        partial.setLength(0);
        int blank = raw.indexOf("\r\n\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : raw.substring(0, blank).split("\r\n")) {
          headers.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).trim());
        }
        frames.add(new Frame(headers, raw.substring(blank + 4), raw));
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode + " " + reason);
      return null;
    }

    void text(String path, String requestId, String body) {
      ws.sendText("Path: " + path + "\r\n" + (requestId == null ? "" : "X-RequestId: " + requestId + "\r\n")
          + "X-Timestamp: 2026-11-28T01:07:42.230Z\r\nContent-Type: application/json\r\n\r\n" + body, true).join();
    }

    void binary(byte[] frame) {
      ws.sendBinary(ByteBuffer.wrap(frame), true).join();
    }

    /** The audio of a WAV file as the SDKs send it: a streaming header (sizes 0), 3200-byte chunks, an empty message. */
    void audio(String requestId, byte[] wav, boolean end) {
      byte[] header = Arrays.copyOf(wav, 44);
      Arrays.fill(header, 4, 8, (byte) 0);
      Arrays.fill(header, 40, 44, (byte) 0);
      binary(audioMessage(requestId, header, true));
      for (int at = 44; at < wav.length; at += 3200) {
        binary(audioMessage(requestId, Arrays.copyOfRange(wav, at, Math.min(wav.length, at + 3200)), false));
      }
      if (end) {
        binary(audioMessage(requestId, new byte[0], false));
      }
    }

    /** Frames up to and including the next turn.end. */
    List<Frame> turn() throws Exception {
      List<Frame> out = new ArrayList<>();
      for (Frame f = next(); ; f = next()) {
        out.add(f);
        if (f.path().equals("turn.end")) {
          return out;
        }
      }
    }

    Frame next() throws Exception {
      Frame f = frames.poll(10, TimeUnit.SECONDS);
      if (f == null) {
        throw new AssertionError("no frame within 10 s; closed: " + closed.getNow("no"));
      }
      return f;
    }
  }

  private static byte[] audioMessage(String requestId, byte[] payload, boolean first) {
    byte[] headers = ("Path: audio\r\nX-RequestId: " + requestId + "\r\nX-Timestamp: 2026-11-28T01:07:42.230Z\r\n"
        + (first ? "Content-Type: audio/x-wav\r\n" : "")).getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(2 + headers.length + payload.length).putShort((short) headers.length).put(headers)
        .put(payload).array();
  }

  private static String requestId() {
    return UUID.randomUUID().toString().replace("-", "").toUpperCase();
  }

  /** The rules of official-clients.md 6.5 on one turn's frames. */
  private static void assertTurnKeepsTheRules(List<Frame> turn, String requestId) throws Exception {
    assertThat(turn.get(0).path()).isEqualTo("turn.start");
    assertThat(turn.get(0).json().path("context").path("serviceTag").asText()).as("6.5-6 serviceTag").isNotEmpty();
    assertThat(turn.get(turn.size() - 1).path()).as("6.5-5 turn.end last").isEqualTo("turn.end");
    for (Frame f : turn) {
      assertThat(f.requestId()).as("6.5-1 X-RequestId of %s", f.path()).isEqualTo(requestId);
      assertThat(f.raw().indexOf("\r\n\r\n")).as("6.5-4 one blank line in %s", f.path())
          .isEqualTo(f.raw().lastIndexOf("\r\n\r\n"));
      if (f.path().equals("turn.end")) {
        continue;
      }
      JsonNode body = f.json();
      for (String field : List.of("Offset", "Duration")) {
        if (body.has(field)) {
          assertThat(body.get(field).isIntegralNumber()).as("6.5-3 %s of %s is a number", field, f.path()).isTrue();
        }
      }
      if (f.path().equals("speech.endDetected")) {
        assertThat(body.path("Offset").isIntegralNumber()).as("6.5-2 endDetected has {\"Offset\":n}").isTrue();
      }
    }
  }

  @Test
  @DisplayName("SP-WIRE-001 a single shot as the JS SDK sends it (speech.config, speech.context with an upper-case X-RequestId, streaming RIFF header, 3200-byte chunks): every frame keeps the rules; startDetected, hypotheses, endDetected, phrase, turn.end")
  void singleShot() throws Exception {
    target.control().addSpeechTranscript("Remind me to buy five pencils", null);
    Connection c = new Connection().open("/speech/recognition/interactive/cognitiveservices/v1?language=en-US&format=simple");
    String id = requestId();
    c.text("speech.config", id, "{\"context\":{\"system\":{\"name\":\"SpeechSDK\",\"version\":\"1.52.0\",\"build\":\"JavaScript\",\"lang\":\"JavaScript\"}}}");
    c.text("speech.context", id, "{\"phraseDetection\":{\"mode\":\"Interactive\",\"language\":\"en-US\",\"enrichment\":{}},\"phraseOutput\":{}}");
    c.audio(id, SpeechFixtures.bytes(SpeechFixtures.PENCILS), true);
    List<Frame> turn = c.turn();
    assertTurnKeepsTheRules(turn, id);
    List<String> paths = turn.stream().map(Frame::path).toList();
    assertThat(paths).startsWith("turn.start", "speech.startDetected").contains("speech.hypothesis")
        .endsWith("speech.endDetected", "speech.phrase", "turn.end");
    assertThat(turn.get(turn.size() - 2).json().path("DisplayText").asText()).isEqualTo("Remind me to buy 5 pencils.");
    c.ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
  }

  @Test
  @DisplayName("SP-WIRE-002 continuous as the Java SDK sends it (no X-RequestId on speech.config, lower-case ids, X-StreamId): a phrase per utterance, then a continuation turn (new id, replayed audio, offsets from its first byte) and the last empty turn with turn.start and turn.end only")
  void continuousWithContinuation() throws Exception {
    target.control().addSpeechTranscript("hello there", null);
    target.control().addSpeechTranscript("good morning", null);
    Connection c = new Connection().open("/speech/recognition/conversation/cognitiveservices/v1?language=en-US");
    c.text("speech.config", null, "{\"context\":{\"system\":{\"version\":\"1.50.0\",\"name\":\"SpeechSDK\",\"build\":\"Linux-x64\",\"lang\":\"Java\"}}}");
    String first = requestId().toLowerCase();
    c.text("speech.context", first, "{\"phraseDetection\":{\"language\":\"en-US\"},\"audio\":{\"streams\":{\"1\":null}}}");
    byte[] wav = SpeechFixtures.bytes(SpeechFixtures.TWO_PHRASES);
    c.audio(first, wav, true);
    List<Frame> turn = c.turn();
    assertTurnKeepsTheRules(turn, first);
    List<Frame> phrases = turn.stream().filter(f -> f.path().equals("speech.phrase")).toList();
    assertThat(phrases).hasSize(2);
    assertThat(turn.stream().filter(f -> f.path().equals("speech.endDetected")).count()).isEqualTo(1);

    // the SDK replays from the end of the last phrase and adds that offset to what it is told
    JsonNode last = phrases.get(1).json();
    long replayFrom = last.path("Offset").asLong() + last.path("Duration").asLong();
    int replayByte = 44 + (int) (replayFrom / 10_000 * 32);
    String second = requestId().toLowerCase();
    c.text("speech.context", second, "{\"phraseDetection\":{\"language\":\"en-US\"},\"continuation\":{\"previousServiceTag\":\""
        + turn.get(0).json().path("context").path("serviceTag").asText() + "\",\"audio\":{\"streams\":{\"1\":{\"offset\":\""
        + replayFrom + "\"}}}}}");
    byte[] tail = new byte[44 + wav.length - replayByte];
    System.arraycopy(wav, 0, tail, 0, 44);
    System.arraycopy(wav, replayByte, tail, 44, wav.length - replayByte);
    c.audio(second, tail, true);
    List<Frame> empty = c.turn();
    assertTurnKeepsTheRules(empty, second);
    assertThat(empty).extracting(Frame::path).containsExactly("turn.start", "turn.end");
    c.ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
  }

  @Test
  @DisplayName("SP-WIRE-003 bad input closes the connection with the documented code and a reason: 1007 bad binary header length, text audio, non-RIFF audio; 1002 no X-RequestId, a dashed one, a reused one")
  void badInputClosesWithDocumentedCodes() throws Exception {
    String path = "/speech/recognition/conversation/cognitiveservices/v1?language=en-US";
    Connection a = new Connection().open(path);
    a.binary(new byte[] {0x7f, 0x7f, 'x'});
    assertThat(a.closed.get(10, TimeUnit.SECONDS)).startsWith("1007");
    Connection b = new Connection().open(path);
    b.text("audio", requestId(), "RIFF....");
    assertThat(b.closed.get(10, TimeUnit.SECONDS)).startsWith("1007");
    Connection c = new Connection().open(path);
    c.binary(audioMessage(requestId(), "not a wav at all".getBytes(), true));
    assertThat(c.closed.get(10, TimeUnit.SECONDS)).startsWith("1007").contains("RIFF");
    Connection d = new Connection().open(path);
    d.binary(audioMessage("", new byte[10], true));
    assertThat(d.closed.get(10, TimeUnit.SECONDS)).startsWith("1002").contains("X-RequestId");
    Connection e = new Connection().open(path);
    e.text("speech.context", UUID.randomUUID().toString(), "{}");
    assertThat(e.closed.get(10, TimeUnit.SECONDS)).startsWith("1002");
    Connection f = new Connection().open(path);
    String id = requestId();
    f.audio(id, SpeechFixtures.silence(500), true);
    f.turn();
    f.audio(id, SpeechFixtures.silence(500), true);
    assertThat(f.closed.get(10, TimeUnit.SECONDS)).startsWith("1002").contains("Reuse");
  }
}
