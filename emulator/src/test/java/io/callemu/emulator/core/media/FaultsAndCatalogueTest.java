package io.callemu.emulator.core.media;

import static io.callemu.emulator.core.media.MediaFixture.dtmfRecognize;
import static io.callemu.emulator.core.media.MediaFixture.result;
import static io.callemu.emulator.core.media.MediaFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.core.outcome.ActionKind;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.testing.Harness;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The result catalogue as data and faults that end the next action with one of its rows. */
@ExtendWith(VertxExtension.class)
class FaultsAndCatalogueTest {

  private MediaFixture f;

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  private Harness.Response fault(String action, JsonObject result) {
    return f.emu.control("POST", "/_emulator/faults", new JsonObject().put("action", action).put("result", result));
  }

  @Test
  void theCatalogueListsEveryDocumentedRowOnceWithHowItIsReached(Vertx vertx) {
    f = MediaFixture.start(vertx);
    JsonArray rows = f.emu.control("GET", "/_emulator/catalogue", null).json().getJsonArray("rows");
    Set<String> keys = new HashSet<>();
    Set<String> reasons = new HashSet<>();
    for (Object o : rows) {
      JsonObject row = (JsonObject) o;
      assertThat(row.getString("reachedBy")).isIn("behaviour", "fault");
      assertThat(row.getString("source")).isNotBlank();
      JsonObject graph = row.getJsonObject("surfaces").getJsonObject("graph");
      if (!row.getJsonObject("surfaces").containsKey("acs")) {
        // A row only Graph reports: its column says how.
        assertThat(graph).as("row %s has a column", row.getString("id")).isNotNull();
        if (row.getString("action") != null) {
          assertThat(keys.add(row.getString("action") + "/" + graph.getString("completionReason") + "/"
              + graph.getJsonObject("resultInfo").getInteger("code") + "/"
              + graph.getJsonObject("resultInfo").getInteger("subcode"))).as("duplicate row %s", row).isTrue();
          reasons.add(row.getString("action") + ":" + graph.getString("completionReason"));
        }
        continue;
      }
      if (row.getString("event") == null) {
        // A synchronous refusal (404/8522 answers several requests): no event to send twice.
        assertThat(row.getString("id")).startsWith("refusal.");
        continue;
      }
      // Transcription's table (8.3) has rows sharing a code pair with different messages.
      assertThat(keys.add(row.getString("event") + "/" + row.getInteger("code") + "/" + row.getInteger("subCode")
          + ("TranscriptionFailed".equals(row.getString("event")) ? "/" + row.getString("message") : "")))
          .as("duplicate row %s", row).isTrue();
      assertThat(row.getString("reachedBy")).isIn("behaviour", "fault");
      assertThat(row.getString("source")).isNotBlank();
    }
    // Reference 8.1, 8.2 and 8.4, spot checks of each table.
    assertThat(keys).contains("RecognizeCompleted/200/8531", "RecognizeCompleted/400/8532", "RecognizeFailed/400/8532",
        "RecognizeCompleted/400/8508", "RecognizeFailed/500/8534", "RecognizeFailed/429/8565", "RecognizeCanceled/400/8508",
        "PlayFailed/400/8535", "PlayFailed/500/8572", "PlayFailed/408/8565", "PlayStarted/200/0",
        "ContinuousDtmfRecognitionStopped/200/7000", "SendDtmfTonesCompleted/200/0", "CallDisconnected/200/5001");
    assertThat(Outcome.all()).filteredOn(r -> !r.reachedByBehaviour())
        .extracting(Outcome::id).contains("recognize.unknownInternalError", "play.serviceShutdown");
    // Every recordCompletionReason of the Graph SDKs (none of them 'none'), and playPrompt's outcomes.
    assertThat(reasons).contains("recordResponse:operationCanceled", "recordResponse:stopToneDetected",
        "recordResponse:maxRecordDurationReached", "recordResponse:initialSilenceTimeout",
        "recordResponse:maxSilenceTimeout", "recordResponse:playPromptFailed", "recordResponse:playBeepFailed",
        "recordResponse:mediaReceiveTimeout", "recordResponse:unspecifiedError", "playPrompt:completedSuccessfully",
        "playPrompt:mediaOperationCanceled");
  }

  @Test
  void aRecognizeFaultEndsTheNextRecognizeWithTheCataloguesMessage(Vertx vertx) {
    f = MediaFixture.start(vertx);
    assertThat(fault("recognize", new JsonObject().put("code", 500).put("subCode", 8512)).status()).isEqualTo(201);
    f.accepted("recognize", dtmfRecognize(1, new JsonObject(), new JsonObject()));
    assertThat(f.mediaEvents()).containsExactly("RecognizeFailed");
    assertThat(result(f.last("RecognizeFailed")).getMap()).isEqualTo(Map.of("code", 500, "subCode", 8512,
        "message", "Unknown internal server error."));
    // Used up: the next one runs normally.
    f.accepted("recognize", dtmfRecognize(1, new JsonObject(), new JsonObject()));
    f.press("3");
    f.emu.advance(100);
    assertThat(f.mediaEvents()).containsExactly("RecognizeFailed", "RecognizeCompleted");
  }

  @Test
  void theEventPicksBetweenRowsSharingACode(Vertx vertx) {
    f = MediaFixture.start(vertx);
    fault("recognize", new JsonObject().put("event", "RecognizeCompleted").put("code", 400).put("subCode", 8508));
    f.accepted("recognize", dtmfRecognize(1, new JsonObject(), new JsonObject()));
    assertThat(f.mediaEvents()).containsExactly("RecognizeCompleted");
    assertThat(f.last("RecognizeCompleted").getString("recognitionType")).isEqualTo("dtmf");
  }

  @Test
  void everyFaultOnlyRowIsReachableThroughItsFault(Vertx vertx) {
    f = MediaFixture.start(vertx);
    List<Outcome> rows = Outcome.all().stream()
        .filter(r -> r.action() == ActionKind.PLAY || r.action() == ActionKind.RECOGNIZE).toList();
    for (Outcome row : rows) {
      String action = row.action().wire();
      assertThat(fault(action, new JsonObject().put("event", row.acs().event()).put("code", row.acs().code())
          .put("subCode", row.acs().subCode())).status()).isEqualTo(201);
      JsonObject request = row.action() == ActionKind.PLAY
          ? new JsonObject().put("playSources", new JsonArray().add(MediaFixture.textPrompt("hi")))
          : dtmfRecognize(1, new JsonObject(), new JsonObject());
      f.accepted(action, request);
      JsonObject data = f.last(row.acs().event());
      assertThat(result(data).getMap()).as(row.id())
          .isEqualTo(Map.of("code", row.acs().code(), "subCode", row.acs().subCode(), "message", row.acs().message()));
      f.accepted("cancelAllMediaOperations", null);
    }
  }

  @Test
  void continuousDtmfAndSendDtmfFaults(Vertx vertx) {
    f = MediaFixture.start(vertx);
    fault("continuousDtmf", new JsonObject().put("code", 400).put("subCode", 12323));
    fault("sendDtmfTones", new JsonObject().put("code", 500).put("subCode", 9999));
    f.accepted("startContinuousDtmfRecognition", new JsonObject().put("targetParticipant", target()));
    f.press("1");
    f.accepted("sendDtmfTones", new JsonObject().put("tones", new JsonArray().add("one")).put("targetParticipant", target()));
    f.emu.advance(1_000);
    assertThat(f.mediaEvents()).containsExactly("ContinuousDtmfRecognitionToneFailed", "SendDtmfTonesFailed");
  }

  @Test
  void aFaultWithoutMessageMustNameACatalogueRow(Vertx vertx) {
    f = MediaFixture.start(vertx);
    Harness.Response r = fault("play", new JsonObject().put("code", 418).put("subCode", 1));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("catalogue");
    assertThat(fault("play", new JsonObject().put("code", 418).put("subCode", 1).put("message", "teapot")).status())
        .isEqualTo(201);
    f.accepted("play", new JsonObject().put("playSources", new JsonArray().add(MediaFixture.textPrompt("hi"))));
    assertThat(result(f.last("PlayFailed")).getString("message")).isEqualTo("teapot");
  }
}
