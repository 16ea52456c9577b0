package io.callemu.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callemu.emulator.Callemu;
import io.callemu.emulator.CallemuConfig;
import io.callemu.emulator.client.ControlClient;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in headless Chromium, as a person uses it: the example IVR (the official JS SDK)
 * answers a call offered from the page; the page shows its prompt and timers, presses keys, advances
 * the virtual clock and hangs up, then arms a fault and changes a setting. Screenshots stay in
 * target/console-e2e.
 */
class ConsoleInBrowserTest {

  static final Path SHOTS = Path.of("target/console-e2e");

  @TempDir
  Path dataDir;

  @Test
  void theExampleIvrsCallIsWatchedAndDrivenFromThePage() throws Exception {
    Files.createDirectories(SHOTS);
    int port = ExampleIvr.freePort();
    try (ExampleIvr ivr = ExampleIvr.start(port, Callemu.WELL_KNOWN_ACCESS_KEY);
        Callemu callemu = Callemu.start(CallemuConfig.defaults().withPort(port).withHttpsPort(-1)
            .withClock("virtual").withDataDir(dataDir).withEventGridWebhook(ivr.eventGridWebhook()));
        NodeScript browser = NodeScript.start("console-e2e.mjs", List.of(callemu.consoleUrl(),
            SHOTS.toAbsolutePath().toString()))) {
      JsonObject result = browser.next(180);
      assertThat(result.getJsonArray("errors")).as(result.encodePrettily()).isEmpty();
      assertThat(result.getJsonArray("network")).as("requests that left callemu").isEmpty();
      JsonObject seen = result.getJsonObject("seen");

      assertThat(seen.getString("clockMode")).isEqualTo("virtual clock");
      assertThat(seen.getString("inboundStatus")).contains("IncomingCall event was delivered");
      // The IVR's first prompt: 10 words at 150 words per minute, and its recognize's timers.
      assertThat(seen.getString("promptOp")).contains("recognize").contains("context \u201caccount\u201d")
          .contains("prompt 4.0 s").contains("initial silence 5.0 s").contains("between keys 3.0 s")
          .contains("max 6 keys").contains("stop #");
      assertThat(seen.getString("promptTimer")).startsWith("prompt").contains("4.0 s left").contains("due ");
      assertThat(seen.getString("interToneTimer")).startsWith("between keys").contains("3.0 s left");
      assertThat(seen.getJsonArray("tonesPressed")).containsExactly("pressed 6", "pressed 5", "pressed 4",
          "pressed 3", "pressed 2", "pressed 1");
      JsonObject callback = seen.getJsonObject("recognizeCallback");
      assertThat(callback.getString("summary")).isEqualTo("200/8531 Action completed, max digits received.");
      assertThat(callback.getJsonObject("fields").getString("dtmfResult.tones"))
          .isEqualTo("one, two, three, four, five, six");
      assertThat(callback.getJsonObject("fields").getString("delivery")).isEqualTo("delivered after 1 attempt");
      assertThat(seen.getJsonObject("recognizeMedia").getString("summary")).endsWith("tones 1 2 3 4 5 6");
      assertThat(seconds(seen.getString("clockAfter")) - seconds(seen.getString("clockBefore"))).isEqualTo(5.0);
      assertThat(seen.getString("initialSilenceTimer")).startsWith("initial silence").contains("4 min 59 s left");
      assertThat(seen.getJsonArray("saidItems")).contains("said \u201cagent please\u201d", "said \u201chello\u201d");
      assertThat(seen.getString("endedLine")).contains("ended by remote");
      assertThat(seen.getBoolean("keypadDisabled")).isTrue();
      assertThat(seen.getJsonArray("journalKinds")).containsExactly("callback");
      assertThat(seen.getJsonArray("journalTypes")).contains("CallConnected", "RecognizeCompleted", "CallDisconnected");
      assertThat(seen.getString("faults")).contains("recognize").contains("8510");
      assertThat(seen.getString("settingValue")).isEqualTo("180");
      assertThat(seen.getJsonArray("unlabelled")).as("controls without an accessible name").isEmpty();
      assertThat(seen.getString("tabAfterArrow")).isEqualTo("tab-calls");
      assertThat(seen.getInteger("narrowOverflow")).as("sideways scrolling at 420 px").isLessThanOrEqualTo(0);
      assertThat(seen.getInteger("resetStatus")).isEqualTo(204);
      assertThat(seen.getInteger("callsAfterReset")).isZero();
      assertThat(seen.getInteger("resyncsCounted")).isEqualTo(1);

      // What the page did, seen from the control API.
      ControlClient control = new ControlClient(callemu.httpUrl(), null);
      String id = seen.getString("callId");
      // (The page's last step reset callemu: the call and the fault are gone, settings stay.)
      assertThat(control.calls().get("calls")).isEmpty();
      assertThat(id).isNotBlank();
      JsonNode wpm = null;
      for (JsonNode s : control.settings().get("settings")) {
        if (s.get("key").asText().equals("prompt.wordsPerMinute")) {
          wpm = s;
        }
      }
      assertThat(wpm.get("value").asText()).isEqualTo("180");
      assertThat(wpm.get("setBy").asText()).isEqualTo("api");
      for (String shot : List.of("1-prompt-playing", "2-recognize-completed", "3-initial-silence", "4-hung-up",
          "5-journal", "6-faults", "7-narrow")) {
        assertThat(SHOTS.resolve(shot + ".png")).as(shot).isNotEmptyFile();
      }
    }
  }

  @Test
  void withAControlTokenThePageAsksForItSaysWhenItIsRefusedAndKeepsItToTheTab() throws Exception {
    Files.createDirectories(SHOTS);
    try (Callemu callemu = Callemu.start(CallemuConfig.defaults().withPort(0).withHttpsPort(-1)
            .withDataDir(dataDir).withControlToken("console-s3cret"));
        NodeScript browser = NodeScript.start("console-token.mjs", List.of(callemu.consoleUrl(), "console-s3cret",
            SHOTS.toAbsolutePath().toString()))) {
      JsonObject result = browser.next(120);
      assertThat(result.getJsonArray("errors")).as(result.encodePrettily()).isEmpty();
      assertThat(result.getJsonArray("network")).isEmpty();
      JsonObject seen = result.getJsonObject("seen");
      assertThat(seen.getString("connectionWhileAsking")).isEqualTo("token");
      assertThat(seen.getString("focused")).isEqualTo("token-input");
      assertThat(seen.getBoolean("openAfterEscape")).isTrue();
      assertThat(seen.getString("refusedText")).contains("refused");
      assertThat(seen.getBoolean("dialogOpen")).isFalse();
      assertThat(seen.getInteger("settings")).isGreaterThan(20);
      assertThat(seen.getBoolean("storedInSession")).isTrue();
    }
  }

  /** "05:32:49.941 UTC" as seconds of the day. */
  private static double seconds(String clock) {
    String[] hms = clock.replace(" UTC", "").split(":");
    return Integer.parseInt(hms[0]) * 3600 + Integer.parseInt(hms[1]) * 60 + Double.parseDouble(hms[2]);
  }
}
