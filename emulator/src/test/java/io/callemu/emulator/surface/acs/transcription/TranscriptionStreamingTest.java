package io.callemu.emulator.surface.acs.transcription;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallSetup;
import io.callemu.emulator.core.call.Platform;
import io.callemu.emulator.core.call.Requester;
import io.callemu.emulator.core.call.TranscriptionSetup;
import io.callemu.emulator.core.caller.Phrases;
import io.callemu.emulator.core.fault.FaultResult;
import io.callemu.emulator.core.input.SpeechInput;
import io.callemu.emulator.core.input.SpeechStart;
import io.callemu.emulator.core.outcome.ActionKind;
import io.callemu.emulator.core.outcome.Forced;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.core.party.AcsUser;
import io.callemu.emulator.core.party.PhoneNumber;
import io.callemu.emulator.core.transcription.TranscriptSegment;
import io.callemu.emulator.core.transcription.TranscriptionRequest;
import io.callemu.emulator.core.transcription.TranscriptionTransport;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.surface.acs.AcsErrors;
import io.callemu.emulator.surface.acs.TranscriptionSubscriptions;
import io.callemu.emulator.surface.acs.transcription.AppWebSocketServer.Connection;
import io.callemu.emulator.surface.acs.transcription.TranscriptionFixture.Published;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.callemu.emulator.platform.tls.DevCertificates;
import io.callemu.emulator.platform.tls.TlsMaterial;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transcription stream end to end on the virtual clock: callemu's WebSocket client against a
 * Vert.x WebSocket server standing in for the app, fed through the call's caller-input seam.
 */
class TranscriptionStreamingTest {

  private Vertx vertx;
  private AppWebSocketServer app;
  private TranscriptionFixture emu;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    app = AppWebSocketServer.start(vertx);
    emu = new TranscriptionFixture(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    emu.close();
    app.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static TranscriptionRequest request(JsonObject json) {
    return new TranscriptionRequest(json.getString("locale"), json.getString("speechModelEndpointId"),
        new Requester(json.getString("operationContext"), null));
  }

  private JsonObject subscription(Call call) {
    return emu.on(() -> TranscriptionSubscriptions.render(emu.service.view(call)));
  }

  private Connection startedAtConnect(Call[] holder, JsonObject extraOptions) {
    JsonObject options = TranscriptionFixture.options(app.url("/ws")).put("startTranscription", true);
    options.mergeIn(extraOptions);
    holder[0] = emu.connectedCall(options);
    Connection c = app.nextConnection();
    emu.await("TranscriptionStarted");
    return c;
  }

  @Test
  void startTranscriptionAtConnectOpensTheSocketWithTheHeadersAndSendsMetadataFirst() {
    Call[] call = new Call[1];
    Connection c = startedAtConnect(call, new JsonObject());

    assertThat(c.headers.get("x-ms-call-connection-id")).isEqualTo(call[0].id());
    assertThat(c.headers.get("x-ms-call-correlation-id")).isEqualTo(call[0].correlationId());
    String token = c.headers.get("authorization");
    assertThat(token).startsWith("Bearer ");
    String[] parts = token.substring(7).split("\\.");
    assertThat(parts).hasSize(3);
    JsonObject header = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[0])));
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1])));
    assertThat(header.getString("alg")).isEqualTo("RS256");
    assertThat(claims.getString("iss")).isEqualTo(StreamToken.ISSUER);
    assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(300);

    JsonObject metadata = c.next();
    assertThat(metadata.getString("kind")).isEqualTo("TranscriptionMetadata");
    JsonObject m = metadata.getJsonObject("transcriptionMetadata");
    assertThat(m.getString("locale")).isEqualTo("en-US");
    assertThat(m.getString("callConnectionId")).isEqualTo(call[0].id());
    assertThat(m.getString("correlationId")).isEqualTo(call[0].correlationId());
    assertThat(m.getString("subscriptionId")).isNotBlank();

    Published started = emu.last("TranscriptionStarted");
    assertThat(started.update().getMap()).isEqualTo(Map.of("transcriptionStatus", "transcriptionStarted",
        "transcriptionStatusDetails", "subscriptionStarted"));
    assertThat(started.result().getMap()).isEqualTo(Map.of("code", 200, "subCode", 0,
        "message", "Action completed successfully."));
    assertThat(started.callbackUri()).isEqualTo("http://app.example/cb");
    JsonObject subscription = subscription(call[0]);
    assertThat(subscription.getString("state")).isEqualTo("active");
    assertThat(subscription.getString("id")).isEqualTo(m.getString("subscriptionId"));
    assertThat(subscription.getJsonArray("subscribedResultTypes")).containsExactly("final");
  }

  @Test
  void wssTrustsTheDataDirsCertificateAndNothingElse(@TempDir Path dataDir) throws Exception {
    TlsMaterial tls = DevCertificates.ensure(dataDir);
    try (AppWebSocketServer secure = AppWebSocketServer.start(vertx, tls);
        TranscriptionFixture trusting = new TranscriptionFixture(vertx, tls.caPem())) {
      trusting.connectedCall(TranscriptionFixture.options(secure.url("/wss")).put("startTranscription", true));
      Connection c = secure.nextConnection();
      assertThat(c.next().getString("kind")).isEqualTo("TranscriptionMetadata");
      trusting.await("TranscriptionStarted");

      // Without the data dir's CA the same server is not trusted: every attempt fails, then 8578.
      emu.set(TranscriptionStreamSettings.RECONNECT_ATTEMPTS, 0);
      emu.connectedCall(TranscriptionFixture.options(secure.url("/wss")).put("startTranscription", true));
      assertThat(emu.await("TranscriptionFailed").result().getInteger("subCode")).isEqualTo(8578);
      assertThat(secure.waitingConnections()).isZero();
    }
  }

  @Test
  void anAnsweredCallWithStartTranscriptionStreamsTheCallersSpeech() {
    CallSetup setup = new CallSetup("http://app.example/in", null, null, null, null, "https://cs.example",
        new TranscriptionSetup(app.url("/in"), "en-US", null, true, false), null);
    Call call = emu.on(() -> {
      var offered = emu.calls.offer(PhoneNumber.of("+15557654321"), new AcsUser("8:acs:bot"), null);
      return emu.calls.answer(Platform.ACS, offered.incomingCallContext(), setup);
    });
    emu.advance(0);
    Connection c = app.nextConnection();
    emu.await("TranscriptionStarted");
    assertThat(c.next().getString("kind")).isEqualTo("TranscriptionMetadata");
    emu.say(call, "hello from outside", 900);
    emu.advance(500);
    assertThat(c.next().getJsonObject("transcriptionData").getString("text")).isEqualTo("hello from outside");
  }

  @Test
  void aPhraseBecomesOneFinalAfterTheSegmentationSilenceWithTicksFromStreamStart() {
    Call[] call = new Call[1];
    Connection c = startedAtConnect(call, new JsonObject());
    c.next(); // metadata
    emu.advance(2_000);
    emu.say(call[0], "I want to pay my bill.", 1_500);
    emu.advance(499);
    assertThat(c.frames).as("nothing before the end silence passed").isEmpty();
    emu.advance(1);

    JsonObject data = c.next();
    assertThat(data.getString("kind")).isEqualTo("TranscriptionData");
    JsonObject d = data.getJsonObject("transcriptionData");
    assertThat(d.getString("text")).isEqualTo("I want to pay my bill.");
    assertThat(d.getString("format")).isEqualTo("display");
    assertThat(d.getDouble("confidence")).isEqualTo(0.875);
    assertThat(d.getLong("offset")).isEqualTo(2_000 * 10_000L);
    assertThat(d.getLong("duration")).isEqualTo(1_500 * 10_000L);
    assertThat(d.getString("participantRawID")).isEqualTo(TranscriptionFixture.CALLEE);
    assertThat(d.getString("resultStatus")).isEqualTo("Final");
    JsonArray words = d.getJsonArray("words");
    assertThat(words).hasSize(6);
    assertThat(words.getJsonObject(0).getString("text")).isEqualTo("i");
    assertThat(words.getJsonObject(0).getLong("offset")).isEqualTo(20_000_000L);
    assertThat(words.getJsonObject(0).getLong("duration")).isEqualTo(2_500_000L);
    assertThat(words.getJsonObject(5).getString("text")).isEqualTo("bill");
    assertThat(words.getJsonObject(5).getLong("offset")).isEqualTo((2_000 + 5 * 250) * 10_000L);
    assertThat(emu.journal("TranscriptionData")).hasSize(1);
  }

  @Test
  void intermediatesOnlyWhenEnabledAndTheCasingSwitchAppliesToBoth() {
    emu.set(TranscriptionStreamSettings.RESULT_STATUS_CASING, "final");
    Call[] call = new Call[1];
    Connection c = startedAtConnect(call, new JsonObject().put("enableIntermediateResults", true));
    c.next();
    emu.say(call[0], "one two three four", 1_200);
    JsonObject first = c.next().getJsonObject("transcriptionData");
    assertThat(first.getString("resultStatus")).isEqualTo("intermediate");
    assertThat(first.getString("text")).isEqualTo("one");
    assertThat(first.getDouble("confidence")).isEqualTo(0.0);
    JsonObject second = c.next().getJsonObject("transcriptionData");
    assertThat(second.getString("text")).isEqualTo("one two");
    JsonObject third = c.next().getJsonObject("transcriptionData");
    assertThat(third.getString("text")).isEqualTo("one two three");
    emu.advance(500);
    JsonObject fin = c.next().getJsonObject("transcriptionData");
    assertThat(fin.getString("resultStatus")).isEqualTo("final");
    assertThat(fin.getString("text")).isEqualTo("one two three four");
    assertThat(subscription(call[0]).getJsonArray("subscribedResultTypes"))
        .containsExactly("final", "intermediate");
  }

  @Test
  void hypothesesGoOutWhileTheCallerSpeaksWithGrowingPrefixesAndTheFinalAfterTheEndSilence() {
    Call[] call = new Call[1];
    Connection c = startedAtConnect(call, new JsonObject().put("enableIntermediateResults", true));
    c.next(); // metadata
    emu.advance(1_000);
    long speechStart = emu.on(emu.clock::nowMillis);
    emu.say(call[0], "one two three four", 1_200);
    emu.advance(500);

    JsonArray sent = emu.journal("TranscriptionData");
    assertThat(sent).hasSize(4);
    String[] prefixes = {"one", "one two", "one two three"};
    for (int i = 0; i < prefixes.length; i++) {
      JsonObject entry = sent.getJsonObject(i);
      long at = java.time.Instant.parse(entry.getString("time")).toEpochMilli();
      assertThat(at).as("hypothesis %d is sent while the caller speaks", i)
          .isEqualTo(speechStart + 300L * (i + 1)).isGreaterThan(speechStart).isLessThan(speechStart + 1_200);
      JsonObject d = entry.getJsonObject("frame").getJsonObject("transcriptionData");
      assertThat(d.getString("resultStatus")).isEqualTo("Intermediate");
      assertThat(d.getString("text")).isEqualTo(prefixes[i]);
      assertThat(d.getLong("offset")).as("ticks from the stream's start").isEqualTo(1_000 * 10_000L);
      assertThat(d.getLong("duration")).isEqualTo(300L * (i + 1) * 10_000L);
      assertThat(d.getJsonArray("words")).hasSize(i + 1);
      assertThat(d.getJsonArray("words").getJsonObject(i).getLong("offset")).isEqualTo((1_000 + 300L * i) * 10_000L);
      assertThat(c.next().getJsonObject("transcriptionData").getString("text")).isEqualTo(prefixes[i]);
    }
    JsonObject fin = sent.getJsonObject(3);
    assertThat(java.time.Instant.parse(fin.getString("time")).toEpochMilli()).isEqualTo(speechStart + 1_200 + 500);
    assertThat(fin.getJsonObject("frame").getJsonObject("transcriptionData").getString("resultStatus"))
        .isEqualTo("Final");
    assertThat(c.next().getJsonObject("transcriptionData").getString("text")).isEqualTo("one two three four");
  }

  @Test
  void withoutIntermediateResultsTheSpeechGivesOnlyItsFinal() {
    Call[] call = new Call[1];
    Connection c = startedAtConnect(call, new JsonObject().put("enableIntermediateResults", false));
    c.next();
    emu.say(call[0], "one two three four", 1_200);
    assertThat(emu.journal("TranscriptionData")).as("nothing while the caller speaks").isEmpty();
    emu.advance(500);
    assertThat(c.next().getJsonObject("transcriptionData").getString("resultStatus")).isEqualTo("Final");
    assertThat(emu.journal("TranscriptionData")).hasSize(1);
  }

  @Test
  void hypothesesDueAfterAStopAreNotSentToTheNextStream() {
    Call[] call = new Call[1];
    Connection c = startedAtConnect(call, new JsonObject().put("enableIntermediateResults", true));
    c.next();
    long start = emu.on(emu.clock::nowMillis);
    SpeechInput planned = new SpeechInput(TranscriptionFixture.CALLEE, start, start + 1_200,
        Phrases.of("one two three four", 0.9, "en-US", 1_200));
    emu.run(() -> call[0].input().speechStarted(new SpeechStart(TranscriptionFixture.CALLEE, start, planned)));
    emu.advance(300);
    assertThat(c.next().getJsonObject("transcriptionData").getString("resultStatus")).isEqualTo("Intermediate");
    emu.run(() -> emu.service.stop(call[0], Requester.NONE));
    emu.advance(0);
    emu.await("TranscriptionStopped");
    emu.advance(900);
    emu.run(() -> call[0].input().speechEnded(planned));
    emu.advance(500);
    assertThat(emu.journal("TranscriptionData")).as("only the hypothesis sent before the stop").hasSize(1);
  }

  @Test
  void updateChangesTheLocaleOfTheSubscriptionAndTheNextMetadata() {
    Call[] call = new Call[1];
    Connection c = startedAtConnect(call, new JsonObject());
    c.next();
    emu.run(() -> emu.service.update(call[0], request(new JsonObject().put("locale", "fr-fr").put("operationContext", "up"))));
    emu.advance(0);
    Published updated = emu.await("TranscriptionUpdated");
    assertThat(updated.update().getString("transcriptionStatusDetails")).isEqualTo("transcriptionLocaleUpdated");
    assertThat(updated.data().getString("operationContext")).isEqualTo("up");
    assertThat(subscription(call[0]).getString("locale")).isEqualTo("fr-FR");

    c.close(); // the app closes; the reconnection announces the new locale
    emu.await("TranscriptionUpdated", 2);
    emu.advance(1_000);
    Connection again = app.nextConnection();
    assertThat(again.next().getJsonObject("transcriptionMetadata").getString("locale")).isEqualTo("fr-FR");
  }

  @Test
  void stopClosesTheSocketNormallyAndLaterSpeechSendsNothing() {
    Call[] call = new Call[1];
    Connection c = startedAtConnect(call, new JsonObject());
    c.next();
    emu.run(() -> emu.service.stop(call[0], new Requester("sp", null)));
    emu.advance(0);
    Published stopped = emu.await("TranscriptionStopped");
    assertThat(stopped.update().getMap()).isEqualTo(Map.of("transcriptionStatus", "transcriptionStopped",
        "transcriptionStatusDetails", "subscriptionStopped"));
    assertThat(c.awaitClose()).isEqualTo((short) 1000);
    emu.say(call[0], "are you still there", 1_000);
    emu.advance(1_000);
    assertThat(c.frames).isEmpty();
    assertThat(subscription(call[0]).getString("state")).isEqualTo("inactive");
  }

  @Test
  void hangUpClosesTheSocketNormallyWithoutTranscriptionEvents() {
    Call[] call = new Call[1];
    Connection c = startedAtConnect(call, new JsonObject());
    c.next();
    int before = emu.events.size();
    emu.run(() -> emu.calls.hangUpByApp(call[0]));
    assertThat(c.awaitClose()).isEqualTo((short) 1000);
    assertThat(emu.types().subList(before, emu.events.size())).containsExactly("CallDisconnected");
  }

  @Test
  void aRefusedConnectionIsRetriedThenFailsWith8578() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    emu.set(TranscriptionStreamSettings.RECONNECT_ATTEMPTS, 2);
    Call call = emu.connectedCall(TranscriptionFixture.options("ws://127.0.0.1:" + closedPort + "/ws")
        .put("startTranscription", true));
    for (int attempt = 1; attempt <= 2; attempt++) {
      awaitJournal("attemptFailed", attempt);
      emu.advance(1_000);
    }
    Published failed = emu.await("TranscriptionFailed");
    assertThat(failed.result().getMap()).isEqualTo(Map.of("code", 500, "subCode", 8578,
        "message", "Action failed, not able to establish WebSocket connection."));
    assertThat(failed.update().getMap()).isEqualTo(Map.of("transcriptionStatus", "transcriptionFailed",
        "transcriptionStatusDetails", "streamConnectionUnsuccessful"));
    assertThat(emu.types()).doesNotContain("TranscriptionStarted");
    assertThat(subscription(call).getString("state")).isEqualTo("inactive");
    assertThat(emu.journal("connection").stream().map(o -> ((JsonObject) o).getString("event")))
        .containsExactly("attemptFailed", "attemptFailed", "attemptFailed", "closed");
  }

  @Test
  void whenTheAppClosesTheSocketCallemuReconnectsAndSendsMetadataAgain() {
    Call[] call = new Call[1];
    Connection c = startedAtConnect(call, new JsonObject());
    String subscription = c.next().getJsonObject("transcriptionMetadata").getString("subscriptionId");
    c.close();
    Published interrupted = emu.await("TranscriptionUpdated");
    assertThat(interrupted.update().getString("transcriptionStatusDetails")).isEqualTo("streamConnectionInterrupted");
    emu.say(call[0], "hello again", 600);
    emu.advance(1_000);
    Connection again = app.nextConnection();
    Published resumed = emu.await("TranscriptionStarted", 2);
    assertThat(resumed.update().getMap()).isEqualTo(Map.of("transcriptionStatus", "transcriptionResumed",
        "transcriptionStatusDetails", "streamConnectionReestablished"));
    JsonObject metadata = again.next();
    assertThat(metadata.getString("kind")).isEqualTo("TranscriptionMetadata");
    assertThat(metadata.getJsonObject("transcriptionMetadata").getString("subscriptionId")).isEqualTo(subscription);
    assertThat(again.next().getJsonObject("transcriptionData").getString("text"))
        .as("the phrase said while disconnected waited in the queue").isEqualTo("hello again");
  }

  @Test
  void theWebsocketFaultDropsTheConnectionWhichIsReopened() {
    Call[] call = new Call[1];
    Connection c = startedAtConnect(call, new JsonObject());
    c.next();
    emu.run(() -> {
      emu.faults.add(ActionKind.WEBSOCKET, null, null, 1);
      emu.service.applyWebsocketFaults();
    });
    assertThat(c.awaitClose()).isEqualTo((short) 1011);
    emu.await("TranscriptionUpdated");
    emu.advance(1_000);
    app.nextConnection();
    emu.await("TranscriptionStarted", 2);
    assertThat(emu.faults.all()).isEmpty();
  }

  @Test
  void aStalledAppNeitherBlocksTheCallNorGrowsTheQueueAndDropsAreJournalled() {
    app.stall();
    emu.set(TranscriptionStreamSettings.QUEUE_LIMIT, 8);
    Call[] call = new Call[1];
    startedAtConnect(call, new JsonObject());
    TranscriptionStream stream = emu.on(() -> new TranscriptionStream(emu.connector, emu.clock, emu.settings,
        emu.journal, emu.faults, new TranscriptionTransport.Target(app.url("/stalled"), call[0].id(),
            call[0].correlationId(), () -> new TranscriptionTransport.Metadata("s", "en-US", call[0].id(),
                call[0].correlationId())), new NoListener()));
    emu.run(stream::open);
    Connection stalled = app.nextConnection();
    emu.awaitEntry(e -> "opened".equals(e.getString("event")) && app.url("/stalled").equals(e.getString("url")));
    String padding = "x".repeat(2_000);
    // Far more than the socket buffers hold: half hypotheses, half finals.
    emu.run(() -> {
      for (int i = 0; i < 20_000; i++) {
        boolean intermediate = i % 2 == 0;
        stream.send(new TranscriptSegment(!intermediate, padding + i, 0.5, 0, 0, List.of(), "4:+1555"));
      }
    });
    TranscriptionTransport.Stats state = emu.on(stream::stats);
    assertThat(state.framesSent()).as("the socket took frames until the app's buffers were full").isPositive();
    assertThat(state.framesWaiting()).isLessThanOrEqualTo(8);
    assertThat(state.droppedIntermediate()).isPositive();
    assertThat(state.droppedFinal()).isPositive();
    JsonArray drops = emu.journal("dropped");
    assertThat(drops.size()).isEqualTo(state.droppedIntermediate() + state.droppedFinal());
    // The first drops are hypotheses: a final goes only when no hypothesis waits.
    assertThat(drops.getJsonObject(0).getLong("droppedFinal")).isZero();
    // The call's own work still runs at once.
    assertThat(subscription(call[0]).getString("state")).isEqualTo("active");
    // The app reads again: what waited drains and the stream closes normally.
    stalled.resume();
    emu.run(() -> stream.close("test over"));
    assertThat(stalled.awaitClose()).isEqualTo((short) 1000);
  }

  @Test
  void aTranscriptionFaultEndsTheStartWithTheCataloguesMessage() {
    Call call = emu.connectedCall(TranscriptionFixture.options(app.url("/ws")));
    emu.run(() -> emu.faults.add(ActionKind.TRANSCRIPTION, null,
        new FaultResult(Outcome.TRANSCRIPTION_AI_FORBIDDEN, new Forced(403, 8565, null, null)), 1));
    emu.run(() -> emu.service.start(call, request(new JsonObject().put("operationContext", "st"))));
    emu.advance(0);
    Published failed = emu.await("TranscriptionFailed");
    assertThat(failed.result().getString("message")).isEqualTo(Outcome.TRANSCRIPTION_AI_FORBIDDEN.acs().message());
    assertThat(failed.update().getString("transcriptionStatusDetails")).isEqualTo("forbidden");
    assertThat(failed.data().getString("operationContext")).isEqualTo("st");
    assertThat(app.waitingConnections()).isZero();
  }

  @Test
  void aCustomModelFailsWith8605AndAnInvalidStreamUrlWith8581() {
    Call call = emu.connectedCall(TranscriptionFixture.options(app.url("/ws")));
    emu.run(() -> emu.service.start(call, request(new JsonObject().put("speechModelEndpointId", "m1"))));
    emu.advance(0);
    assertThat(emu.await("TranscriptionFailed").result().getInteger("subCode")).isEqualTo(8605);

    Call bad = emu.connectedCall(TranscriptionFixture.options("https://not-a-socket.example/ws"));
    emu.run(() -> emu.service.start(bad, request(new JsonObject())));
    emu.advance(0);
    assertThat(emu.await("TranscriptionFailed", 2).result().getInteger("subCode")).isEqualTo(8581);
  }

  @Test
  void requestsThatCanBeJudgedUpFrontAreRefusedSynchronously() {
    Call noUrl = emu.connectedCall(new JsonObject().put("transportType", "websocket").put("locale", "en-US"));
    assertRow(() -> emu.run(() -> emu.service.start(noUrl, request(new JsonObject()))), 405, "8522",
        Outcome.TRANSCRIPTION_URL_NOT_SET);
    Call call = emu.connectedCall(TranscriptionFixture.options(app.url("/ws")));
    assertRow(() -> emu.run(() -> emu.service.start(call, request(new JsonObject().put("locale", "en")))), 400, "8523",
        Outcome.TRANSCRIPTION_LOCALE_WITHOUT_REGION);
    assertRow(() -> emu.run(() -> emu.service.update(call, request(new JsonObject()))), 400, "8523",
        Outcome.TRANSCRIPTION_LOCALE_MISSING);
    emu.run(() -> emu.calls.hangUpByRemote(call));
    assertRow(() -> emu.run(() -> emu.service.start(call, request(new JsonObject()))), 400, "8528",
        Outcome.TRANSCRIPTION_CALL_TERMINATED);
    assertThat(emu.types()).doesNotContain("TranscriptionFailed", "TranscriptionStarted");
  }

  private static void assertRow(ThrowableAssert.ThrowingCallable call, int status, String code, Outcome row) {
    Throwable e = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(e).as("expected the %s row", row).isNotNull();
    HttpReply reply = new AcsErrors().render(e);
    JsonObject error = new JsonObject(reply.body()).getJsonObject("error");
    assertThat(reply.status()).isEqualTo(status);
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(error.getString("message")).isEqualTo(row.acs().message());
  }

  private void awaitJournal(String event, int attempt) {
    emu.awaitEntry(e -> "connection".equals(e.getString("type")) && event.equals(e.getString("event"))
        && e.getInteger("attempt", 0) == attempt);
  }

  /** A stream owner that needs no news. */
  private static final class NoListener implements TranscriptionTransport.Listener {
    @Override
    public void opened(boolean reconnected) {
    }

    @Override
    public void interrupted(String why) {
    }

    @Override
    public void gaveUp(String why) {
    }
  }

}
