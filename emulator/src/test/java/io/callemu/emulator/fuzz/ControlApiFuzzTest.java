package io.callemu.emulator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The control API's body readers and path and query parsing: whatever is sent, the answer is a
 * 2xx, or a 4xx in the JSON error envelope. The first input byte picks the route (its low nibble)
 * and the Content-Type (its high nibble); the rest is the body or the path's tail, byte for byte.
 */
class ControlApiFuzzTest {

  /**
   * {@code {id}} stands for the fixture's connected call. Every build replays the empty input,
   * which goes to the first route: the scenarios route, since an empty body to the others answers
   * 500 today (see {@link FuzzFindingsTest}).
   */
  static final List<String> BODY_ROUTES = List.of("/_emulator/scenarios", "/_emulator/settings",
      "/_emulator/faults", "/_emulator/incoming-calls", "/_emulator/calls/{id}/dtmf",
      "/_emulator/calls/{id}/speech", "/_emulator/calls/{id}/audio", "/_emulator/clock/advance");
  static final List<String> CONTENT_TYPES = Arrays.asList("application/json", "text/plain;charset=UTF-8",
      "multipart/form-data; boundary=x", null);
  static final List<String> PATH_PREFIXES = List.of("GET /_emulator/events?", "GET /_emulator/calls/",
      "POST /_emulator/calls/{id}/audio?text=", "GET /_emulator/");

  private static FuzzedEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = FuzzedEmulator.start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @FuzzTest
  void anyBodyIsAcceptedOrRefusedInTheEnvelope(byte[] input) {
    int selector = input.length == 0 ? 0 : input[0] & 0xFF;
    String route = BODY_ROUTES.get((selector & 0x0F) % BODY_ROUTES.size()).replace("{id}", emulator.callId);
    String contentType = CONTENT_TYPES.get((selector >> 4) % CONTENT_TYPES.size());
    byte[] body = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);

    FuzzedEmulator.Answer answer = emulator.raw("POST " + route + " HTTP/1.1", contentType, body);

    assertAcceptedOrRefused("POST " + route, answer);
    clearRules();
  }

  @FuzzTest
  void anyPathOrQueryIsAnsweredOrRefusedInTheEnvelope(byte[] input) {
    int selector = input.length == 0 ? 0 : input[0] & 0xFF;
    String prefix = PATH_PREFIXES.get(selector % PATH_PREFIXES.size()).replace("{id}", emulator.callId);
    // Any byte but those that end a request line.
    String tail = new String(input, Math.min(1, input.length), Math.max(0, input.length - 1),
        StandardCharsets.ISO_8859_1).replaceAll("[\\s\\x00-\\x1f\\x7f]", "_");

    // The audio route reads its options from the query and needs a body: four bytes that are no WAV.
    boolean post = prefix.startsWith("POST");
    FuzzedEmulator.Answer answer = emulator.raw(prefix + tail + " HTTP/1.1", post ? "audio/wav" : null,
        post ? new byte[] {'R', 'I', 'F', 'F'} : null);

    assertAcceptedOrRefused(prefix + tail, answer);
  }

  static void assertAcceptedOrRefused(String request, FuzzedEmulator.Answer answer) {
    assertThat(answer.status()).as(request + " → " + answer.body()).isBetween(200, 499);
    if (answer.status() >= 400) {
      assertThat(answer.isErrorEnvelope()).as(request + " → " + answer.status() + " " + answer.body()).isTrue();
    }
  }

  /** Faults and scenario rules an accepted input armed must not change what the next input sees. */
  private static void clearRules() {
    emulator.emu.control("DELETE", "/_emulator/faults", null);
    emulator.emu.control("DELETE", "/_emulator/scenarios", null);
  }
}
