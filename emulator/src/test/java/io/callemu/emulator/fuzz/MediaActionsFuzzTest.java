package io.callemu.emulator.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.callemu.emulator.testing.Harness;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The ACS media actions' request validation (and the JSON and identifier readers under it), signed
 * as an SDK signs: whatever the body, the answer is a 2xx, or a 4xx in the ACS error envelope.
 * The first input byte picks the action (low bits) and the api-version (top bit); the rest is the
 * body.
 */
class MediaActionsFuzzTest {

  static final List<String> ACTIONS = List.of("play", "recognize", "sendDtmfTones",
      "startContinuousDtmfRecognition", "stopContinuousDtmfRecognition", "cancelAllMediaOperations");

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
    String action = ACTIONS.get((selector & 0x7F) % ACTIONS.size());
    String api = (selector & 0x80) == 0 ? Harness.JS_API : Harness.JAVA_API;
    byte[] body = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
    if (new String(body, StandardCharsets.ISO_8859_1).contains("allbackUri")) {
      // callemu would send callbacks to whatever host an operationCallbackUri names, and this
      // machine may talk to loopback only.
      return;
    }

    Harness.Response answer = emulator.emu.signed("POST", "/calling/callConnections/" + emulator.callId + ":"
        + action + "?api-version=" + api, body, emulator.emu.callemu().accessKey(), Harness.now(), Map.of());

    ControlApiFuzzTest.assertAcceptedOrRefused(action, new FuzzedEmulator.Answer(answer.status(),
        answer.header("Content-Type"), answer.body()));
    if (answer.status() / 100 == 2) {
      emulator.cancelMedia();
    }
  }
}
