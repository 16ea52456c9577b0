package io.callemu.emulator.surface.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.callemu.emulator.surface.graph.identity.RegisteredApps;
import io.callemu.emulator.testing.CallbackReceiver;
import io.callemu.emulator.testing.Harness;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * playPrompt, subscribeToTone and cancelMediaProcessing on one media queue per call shared with
 * recordResponse, barge-in, faults, scenarios, and the notifications' tokens.
 */
@ExtendWith(VertxExtension.class)
class GraphMediaTest {

  private GraphFixture f;

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  /** Prompts of files on another host: each plays for prompt.defaultFileMs (3000 ms). */
  private static JsonObject playPrompt(String context, int prompts) {
    JsonArray list = new JsonArray();
    for (int i = 0; i < prompts; i++) {
      list.add(new JsonObject().put("@odata.type", "#microsoft.graph.mediaPrompt")
          .put("mediaInfo", new JsonObject().put("uri", "https://cdn.contoso.com/p" + i + ".wav")));
    }
    return new JsonObject().put("clientContext", context).put("prompts", list);
  }

  private static JsonObject record(boolean bargeIn) {
    return new JsonObject().put("clientContext", "rec").put("bargeInAllowed", bargeIn)
        .put("initialSilenceTimeoutInSeconds", 5).put("stopTones", new JsonArray().add("#"));
  }

  private String start(String call, String action, JsonObject body) {
    Harness.Response r = f.action(call, action, body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().getString("id");
  }

  private List<JsonObject> operations() {
    return f.notifications().stream().filter(n -> n.getString("resourceUrl").contains("/operations/"))
        .map(n -> n.getJsonObject("resourceData")).toList();
  }

  @Test
  void playPromptPlaysItsPromptsInOrderThenCompletes(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String call = f.established();
    Harness.Response r = f.action(call, "playPrompt", playPrompt("pp", 2));
    assertThat(r.json().getString("@odata.type")).isEqualTo("#microsoft.graph.playPromptOperation");
    assertThat(r.json().getString("status")).isEqualTo("running");
    assertThat(f.graph("GET", "/communications/calls/" + call + "/operations/" + r.json().getString("id"), null)
        .json().getString("status")).isEqualTo("running");
    f.emu.advance(5_999);
    assertThat(operations()).isEmpty();
    f.emu.advance(1);
    JsonObject done = operations().get(0);
    assertThat(done.getString("@odata.type")).isEqualTo("#microsoft.graph.playPromptOperation");
    assertThat(done.getString("status")).isEqualTo("completed");
    assertThat(done.getString("completionReason")).isEqualTo("completedSuccessfully");
    assertThat(done.getJsonObject("resultInfo").getInteger("code")).isEqualTo(200);
    assertThat(done.getString("clientContext")).isEqualTo("pp");
  }

  @Test
  void aLoopingPromptNeverCompletesAndAQueuedRecordWaitsForTheQueue(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String call = f.established();
    start(call, "playPrompt", playPrompt("first", 1));
    start(call, "recordResponse", record(false));
    // The record waits for the 3000 ms prompt, then 500 ms beep and 5 s of initial silence.
    f.emu.advance(3_000 + 500 + 4_999);
    assertThat(operations()).hasSize(1);
    f.emu.advance(1);
    assertThat(operations()).extracting(o -> o.getString("completionReason"))
        .containsExactly("completedSuccessfully", "initialSilenceTimeout");

    Harness.Response loop = f.action(call, "playPrompt", playPrompt("loop", 1).put("loop", true));
    assertThat(loop.status()).isEqualTo(200);
    f.emu.advance(600_000);
    assertThat(operations()).hasSize(2);
  }

  @Test
  void cancelMediaProcessingCancelsTheRunningAndQueuedOperationsButNotTheToneSubscription(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String call = f.established();
    Harness.Response subscribed = f.action(call, "subscribeToTone", new JsonObject().put("clientContext", "tones"));
    assertThat(subscribed.status()).isEqualTo(200);
    assertThat(subscribed.json().getString("@odata.type")).isEqualTo("#microsoft.graph.subscribeToToneOperation");
    assertThat(subscribed.json().getString("status")).isEqualTo("completed");
    String record = start(call, "recordResponse", record(false));
    String prompt = start(call, "playPrompt", playPrompt("queued", 1));

    Harness.Response cancel = f.action(call, "cancelMediaProcessing", new JsonObject().put("clientContext", "c"));
    assertThat(cancel.status()).isEqualTo(200);
    assertThat(cancel.json().getString("@odata.type")).isEqualTo("#microsoft.graph.cancelMediaProcessingOperation");
    assertThat(cancel.json().getString("status")).isEqualTo("completed");
    assertThat(cancel.header("Location")).endsWith("/operations/" + cancel.json().getString("id"));
    f.emu.advance(0);
    List<JsonObject> ops = operations();
    assertThat(ops).extracting(o -> o.getString("id")).containsExactly(record, prompt);
    assertThat(ops.get(0).getString("status")).isEqualTo("failed");
    assertThat(ops.get(0).getString("completionReason")).isEqualTo("operationCanceled");
    assertThat(ops.get(0).getJsonObject("resultInfo").getInteger("subcode")).isEqualTo(8508);
    assertThat(ops.get(0).getJsonObject("resultInfo").getString("message"))
        .isEqualTo("Action failed, the operation was cancelled.");
    assertThat(ops.get(0).getString("recordingLocation")).isEmpty();
    assertThat(ops.get(1).getString("completionReason")).isEqualTo("mediaOperationCanceled");

    f.press(call, "5", 0);
    f.emu.advance(1_000);
    JsonObject tone = f.notifications().get(f.notifications().size() - 1).getJsonObject("resourceData")
        .getJsonObject("toneInfo");
    assertThat(tone.getInteger("sequenceId")).isEqualTo(1);
    assertThat(tone.getString("tone")).isEqualTo("tone5");
  }

  @Test
  void toneUpdatesCarryRisingSequenceIdsAndGraphNamesIncludingFlash(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String call = f.established();
    f.action(call, "subscribeToTone", new JsonObject());
    f.action(call, "subscribeToTone", new JsonObject().put("clientContext", "again"));
    f.press(call, "1#*A", 0);
    Harness.Response flash = f.emu.control("POST", "/_emulator/calls/" + call + "/dtmf",
        new JsonObject().put("tones", new JsonArray().add("flash")).put("delayMs", 2_000));
    assertThat(flash.status()).as(flash.body()).isEqualTo(202);
    f.emu.advance(5_000);
    List<JsonObject> tones = f.notifications().stream().filter(n -> GraphFixture.kind(n).equals("updated:toneInfo"))
        .map(n -> n.getJsonObject("resourceData")).toList();
    assertThat(tones).extracting(t -> t.getJsonObject("toneInfo").getInteger("sequenceId"))
        .containsExactly(1, 2, 3, 4, 5);
    assertThat(tones).extracting(t -> t.getJsonObject("toneInfo").getString("tone"))
        .containsExactly("tone1", "pound", "star", "a", "flash");
    assertThat(tones).allSatisfy(t -> assertThat(t.getString("state")).isEqualTo("established"));
  }

  @Test
  void aRecordThatBargesInCancelsWhatRunsAndStartsAtOnce(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String call = f.established();
    String looping = start(call, "playPrompt", playPrompt("loop", 1).put("loop", true));
    String record = start(call, "recordResponse", record(true));
    f.emu.advance(0);
    assertThat(operations()).extracting(o -> o.getString("id")).containsExactly(looping);
    assertThat(operations().get(0).getString("completionReason")).isEqualTo("mediaOperationCanceled");
    f.emu.advance(500 + 5_000);
    assertThat(operations()).extracting(o -> o.getString("id")).containsExactly(looping, record);
  }

  @Test
  void faultsEndTheNextRecordAndPlayPromptWithTheirRows(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String call = f.established();
    arm("recordResponse", new JsonObject().put("code", 500).put("subCode", 0));
    arm("recordResponse", new JsonObject().put("code", 408).put("subCode", 0));
    arm("recordResponse", new JsonObject().put("code", 599).put("subCode", 7).put("message", "injected"));
    arm("playPrompt", new JsonObject().put("code", 500).put("subCode", 9999));
    for (int i = 0; i < 3; i++) {
      start(call, "recordResponse", record(false));
    }
    start(call, "playPrompt", playPrompt("pp", 1));
    f.emu.advance(0);
    List<JsonObject> ops = operations();
    assertThat(ops).extracting(o -> o.getString("completionReason"))
        .containsExactly("playBeepFailed", "mediaReceiveTimeout", "unspecifiedError", "unknown");
    assertThat(ops).allSatisfy(o -> assertThat(o.getString("status")).isEqualTo("failed"));
    assertThat(ops.get(2).getJsonObject("resultInfo").getInteger("code")).isEqualTo(599);
    assertThat(ops.get(2).getJsonObject("resultInfo").getInteger("subcode")).isEqualTo(7);
    assertThat(ops.get(2).getJsonObject("resultInfo").getString("message")).isEqualTo("injected");
    Harness.Response unknown = f.emu.control("POST", "/_emulator/faults", new JsonObject().put("action",
        "recordResponse").put("result", new JsonObject().put("code", 599).put("subCode", 8)));
    assertThat(unknown.status()).isEqualTo(400);
  }

  private void arm(String action, JsonObject result) {
    Harness.Response r = f.emu.control("POST", "/_emulator/faults", new JsonObject().put("action", action)
        .put("result", result));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  @Test
  void scenariosFireOnIncomingCallRecordResponseAndPlayPrompt(Vertx vertx) {
    f = GraphFixture.start(vertx);
    JsonObject scenario = new JsonObject().put("rules", new JsonArray()
        .add(new JsonObject().put("on", "incomingCall").put("match", new JsonObject().put("from", GraphFixture.CALLER))
            .put("do", new JsonArray().add(new JsonObject().put("dtmf", "9").put("delayMs", 1_000))))
        .add(new JsonObject().put("on", "recordResponse").put("match", new JsonObject().put("clientContext", "rec"))
            .put("do", new JsonArray().add(new JsonObject().put("speech", "yes").put("durationMs", 1_000)
                .put("delayMs", 600)).add(new JsonObject().put("dtmf", "#").put("delayMs", 2_000))))
        .add(new JsonObject().put("on", "playPrompt").put("do", new JsonArray()
            .add(new JsonObject().put("hangup", new JsonObject()).put("delayMs", 100)))));
    assertThat(f.emu.control("POST", "/_emulator/scenarios", scenario).status()).isEqualTo(201);
    String call = f.offer();
    f.action(call, "answer", GraphFixture.answerBody());
    f.emu.advance(0);
    f.action(call, "subscribeToTone", new JsonObject());
    f.emu.advance(1_000);
    assertThat(f.kinds()).contains("updated:toneInfo");
    start(call, "recordResponse", record(false));
    f.emu.advance(2_000);
    assertThat(operations().get(0).getString("completionReason")).isEqualTo("stopToneDetected");
    start(call, "playPrompt", playPrompt("pp", 1));
    f.emu.advance(100);
    assertThat(f.kinds()).endsWith("updated:terminating", "deleted:terminated");
  }

  @Test
  void everyNotificationCarriesAnRs256TokenForTheBotThatVerifiesAgainstThePublishedKeys(Vertx vertx) throws Exception {
    f = GraphFixture.start(vertx);
    String call = f.established();
    f.graph("DELETE", "/communications/calls/" + call, null);
    f.emu.advance(0);
    String jwksUri = f.emu.control("GET", BotNotificationTokens.OPENID_CONFIGURATION, null).json().getString("jwks_uri");
    JWKSet keys = JWKSet.parse(f.emu.control("GET", java.net.URI.create(jwksUri).getPath(), null).body());
    List<CallbackReceiver.Received> received = f.bot.received();
    assertThat(received).hasSize(5);
    for (CallbackReceiver.Received r : received) {
      assertThat(r.authorization()).startsWith("Bearer ");
      SignedJWT jwt = SignedJWT.parse(r.authorization().substring(7));
      assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
      assertThat(jwt.verify(new RSASSAVerifier((RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID())))).isTrue();
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      assertThat(claims.getIssuer()).isEqualTo("https://api.botframework.com");
      assertThat(claims.getAudience()).containsExactly(RegisteredApps.WELL_KNOWN_CLIENT_ID);
      assertThat(claims.getStringClaim("tid")).isEqualTo(RegisteredApps.DEFAULT_TENANT_ID);
      assertThat(claims.getStringClaim(BotNotificationTokens.TENANT_CLAIM)).isEqualTo(RegisteredApps.DEFAULT_TENANT_ID);
      assertThat(claims.getExpirationTime()).isInTheFuture();
    }
  }

  @Test
  void badPlayPromptAndToneRequestsAre400(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String call = f.established();
    Object[] bodies = {new JsonObject(), playPrompt("x", 0), playPrompt("x", 21), playPrompt("x", 1).put("loop", 1),
        playPrompt("x".repeat(257), 1)};
    for (Object body : bodies) {
      Harness.Response r = f.graph("POST", "/communications/calls/" + call + "/playPrompt", body);
      assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(400);
    }
    assertThat(f.action(call, "subscribeToTone", new JsonObject().put("clientContext", 5)).status()).isEqualTo(400);
    assertThat(f.action(call, "cancelMediaProcessing", new JsonObject().put("clientContext", "x".repeat(257)))
        .status()).isEqualTo(400);
    f.press(call, "1", 0);
    f.emu.advance(10_000);
    assertThat(f.kinds()).containsExactly("created:incoming", "updated:establishing", "updated:established");
  }
}
