package io.callemu.conformance.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.azure.core.credential.TokenCredential;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.communications.calls.item.CallItemRequestBuilder;
import com.microsoft.graph.communications.calls.item.answer.AnswerPostRequestBody;
import com.microsoft.graph.communications.calls.item.cancelmediaprocessing.CancelMediaProcessingPostRequestBody;
import com.microsoft.graph.communications.calls.item.playprompt.PlayPromptPostRequestBody;
import com.microsoft.graph.communications.calls.item.recordresponse.RecordResponsePostRequestBody;
import com.microsoft.graph.communications.calls.item.reject.RejectPostRequestBody;
import com.microsoft.graph.communications.calls.item.subscribetotone.SubscribeToTonePostRequestBody;
import com.microsoft.graph.models.Call;
import com.microsoft.graph.models.CallDirection;
import com.microsoft.graph.models.CallState;
import com.microsoft.graph.models.CancelMediaProcessingOperation;
import com.microsoft.graph.models.CommsOperation;
import com.microsoft.graph.models.CommunicationsIdentitySet;
import com.microsoft.graph.models.IdentitySet;
import com.microsoft.graph.models.InvitationParticipantInfo;
import com.microsoft.graph.models.MediaInfo;
import com.microsoft.graph.models.MediaPrompt;
import com.microsoft.graph.models.MediaState;
import com.microsoft.graph.models.Modality;
import com.microsoft.graph.models.PlayPromptOperation;
import com.microsoft.graph.models.Prompt;
import com.microsoft.graph.models.RecordOperation;
import com.microsoft.graph.models.RejectReason;
import com.microsoft.graph.models.ServiceHostedMediaConfig;
import com.microsoft.graph.models.SubscribeToToneOperation;
import com.microsoft.graph.models.Tone;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.callemu.conformance.CallemuTarget;
import io.callemu.emulator.surface.graph.identity.RegisteredApps;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A Graph bot written with {@code com.microsoft.graph:microsoft-graph} 6.20.0 and {@code
 * com.azure:azure-identity} 1.18.1 over HTTPS against callemu on the virtual clock: every operation
 * through the SDK's request builders, every notification's {@code resourceData} parsed with the
 * SDK's models (the documented lower-case {@code status} parses to null in this SDK,
 * official-clients.md 3.5: pinned here so nobody "fixes" callemu by writing PascalCase), every
 * timer and the 2-minute cap at its boundary, every notification's JWT checked with Nimbus against
 * the published keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphJavaBotConformanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String CALLER = "+15550001111";
  private static final long BEEP_MS = 500;

  private Path dataDir;
  private CallemuTarget callemu;
  private String origin;
  private GraphServiceClient graph;
  private BotNotificationInbox inbox;
  private HttpClient http;

  @BeforeAll
  void start() throws IOException {
    assumeThat(CallemuTarget.external()).as("these tests move callemu's virtual clock").isFalse();
    dataDir = Files.createTempDirectory("callemu-graph-java-");
    callemu = CallemuTarget.start(dataDir, c -> c.withClock("virtual"));
    origin = callemu.httpsEndpoint();
    TokenCredential credential = GraphJavaSdk.credential(origin, TENANT, RegisteredApps.WELL_KNOWN_CLIENT_ID,
        RegisteredApps.WELL_KNOWN_CLIENT_SECRET, callemu.caPem());
    graph = GraphJavaSdk.graph(credential, origin, callemu.caPem());
    inbox = new BotNotificationInbox();
    http = HttpClient.newBuilder().sslContext(GraphJavaSdk.sslContext(callemu.caPem())).build();
  }

  @AfterAll
  void stop() {
    if (inbox != null) {
      inbox.close();
    }
    if (callemu != null) {
      callemu.close();
    }
  }

  private CallItemRequestBuilder call(String id) {
    return graph.communications().calls().byCallId(id);
  }

  private String offer(String tag) {
    return callemu.control().graphIncomingCall(Map.of("callbackUri", inbox.url(tag), "from", CALLER,
        "tenantId", TENANT)).path("id").asText();
  }

  private static AnswerPostRequestBody answerBody() {
    AnswerPostRequestBody answer = new AnswerPostRequestBody();
    answer.setAcceptedModalities(List.of(Modality.Audio));
    answer.setMediaConfig(new ServiceHostedMediaConfig());
    return answer;
  }

  /** An offered call, answered by the SDK and established; its three notifications are in. */
  private String established(String tag) {
    String id = offer(tag);
    inbox.await(tag, 1);
    call(id).answer().post(answerBody());
    callemu.control().advance(0);
    inbox.await(tag, 3);
    return id;
  }

  private static Prompt prompt(String uri) {
    MediaInfo info = new MediaInfo();
    info.setUri(uri);
    info.setResourceId(UUID.randomUUID().toString());
    MediaPrompt prompt = new MediaPrompt();
    prompt.setMediaInfo(info);
    return prompt;
  }

  private static RecordResponsePostRequestBody record(int initial, int maxSilence, int maxRecord) {
    RecordResponsePostRequestBody body = new RecordResponsePostRequestBody();
    body.setClientContext("record-" + UUID.randomUUID());
    body.setInitialSilenceTimeoutInSeconds(initial);
    body.setMaxSilenceTimeoutInSeconds(maxSilence);
    body.setMaxRecordDurationInSeconds(maxRecord);
    body.setPlayBeep(true);
    body.setStopTones(List.of("#"));
    return body;
  }

  /** The operation notifications of {@code tag} (each parsed by the SDK). */
  private List<CommsOperation> operations(String tag, int atLeastNotifications) {
    return inbox.await(tag, atLeastNotifications).stream().filter(BotNotificationInbox.Notification::isOperation)
        .map(BotNotificationInbox.Notification::operation).toList();
  }

  private static String completionReason(CommsOperation op) {
    return (String) op.getAdditionalData().get("completionReason");
  }

  @Test
  @DisplayName("GR-JAVA-101 a Java bot answers an offered call, subscribes to tones, plays a prompt, records a response ended by a stop tone, downloads the WAV and hangs up; the SDK's models parse every answer and notification")
  void aWholeIvrTurn() throws Exception {
    String tag = "turn";
    String id = offer(tag);
    Call incoming = inbox.await(tag, 1).get(0).call();
    assertThat(incoming.getState()).isEqualTo(CallState.Incoming);
    assertThat(incoming.getDirection()).isEqualTo(CallDirection.Incoming);
    IdentitySet caller = incoming.getSource().getIdentity();
    assertThat(caller).isInstanceOf(CommunicationsIdentitySet.class);
    assertThat(((CommunicationsIdentitySet) caller).getPhone().getId()).isEqualTo(CALLER);
    InvitationParticipantInfo target = incoming.getTargets().get(0);
    assertThat(target.getIdentity().getApplication().getId()).isEqualTo(RegisteredApps.WELL_KNOWN_CLIENT_ID);

    call(id).answer().post(answerBody());
    callemu.control().advance(0);
    List<BotNotificationInbox.Notification> n = inbox.await(tag, 3);
    assertThat(n.get(1).call().getState()).isEqualTo(CallState.Establishing);
    Call established = n.get(2).call();
    assertThat(established.getState()).isEqualTo(CallState.Established);
    assertThat(established.getMediaState().getAudio()).isEqualTo(MediaState.Active);
    Call fetched = call(id).get();
    assertThat(fetched.getState()).isEqualTo(CallState.Established);
    assertThat(fetched.getMediaConfig()).isInstanceOf(ServiceHostedMediaConfig.class);

    SubscribeToTonePostRequestBody subscribe = new SubscribeToTonePostRequestBody();
    subscribe.setClientContext("tones");
    SubscribeToToneOperation subscribed = call(id).subscribeToTone().post(subscribe);
    assertThat(subscribed.getClientContext()).isEqualTo("tones");
    assertThat(subscribed.getStatus()).as("lower-case 'completed' parses to null in SDK 6.20.0").isNull();
    PlayPromptPostRequestBody play = new PlayPromptPostRequestBody();
    play.setClientContext("welcome");
    play.setPrompts(List.of(prompt("https://cdn.contoso.com/welcome.wav")));
    PlayPromptOperation playing = call(id).playPrompt().post(play);
    assertThat(playing.getId()).hasSize(36);
    RecordResponsePostRequestBody recordBody = record(5, 5, 10);
    RecordOperation recording = call(id).recordResponse().post(recordBody);
    assertThat(recording.getClientContext()).isEqualTo(recordBody.getClientContext());
    assertThat(recording.getStatus()).isNull();
    assertThat(recording.getRecordingLocation()).isNull();

    // The prompt plays 3 s, the beep 0.5 s: recording from 3.5 s. 1 s of a tone from 4 s (after
    // 0.5 s of silence in the file), key 1 at 5.5 s, # at 5.75 s.
    callemu.control().audio(id, RecordedWav.sine(440, 500, 1_000), null, 3_500);
    callemu.control().dtmf(id, Map.of("tones", "1#", "delayMs", 5_500));
    callemu.control().advance(5_749);
    assertThat(operations(tag, 3)).extracting(CommsOperation::getId).containsExactly(playing.getId());
    callemu.control().advance(1);
    List<BotNotificationInbox.Notification> all = inbox.await(tag, 7);
    List<CommsOperation> ops = operations(tag, 7);
    assertThat(ops.get(0)).isInstanceOf(PlayPromptOperation.class);
    assertThat(ops.get(0).getResultInfo().getCode()).isEqualTo(200);
    assertThat(completionReason(ops.get(0))).isEqualTo("completedSuccessfully");
    RecordOperation done = (RecordOperation) ops.get(1);
    assertThat(done.getId()).isEqualTo(recording.getId());
    assertThat(done.getClientContext()).isEqualTo(recordBody.getClientContext());
    assertThat(done.getStatus()).as("lower-case 'completed' parses to null in SDK 6.20.0").isNull();
    assertThat(all.stream().filter(BotNotificationInbox.Notification::isOperation).reduce((a, b) -> b).orElseThrow()
        .value().path("resourceData").path("status").asText()).isEqualTo("completed");
    assertThat(done.getResultInfo().getCode()).isEqualTo(200);
    assertThat(completionReason(done)).isEqualTo("stopToneDetected");
    List<Call> toneUpdates = all.stream().filter(x -> !x.isOperation()).map(BotNotificationInbox.Notification::call)
        .filter(c -> c.getToneInfo() != null).toList();
    assertThat(toneUpdates).extracting(c -> c.getToneInfo().getTone()).containsExactly(Tone.Tone1, Tone.Pound);
    assertThat(toneUpdates).extracting(c -> c.getToneInfo().getSequenceId()).containsExactly(1L, 2L);

    HttpResponse<byte[]> refused = http.send(HttpRequest.newBuilder(URI.create(done.getRecordingLocation())).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(refused.statusCode()).isEqualTo(401);
    HttpResponse<byte[]> wav = http.send(HttpRequest.newBuilder(URI.create(done.getRecordingLocation()))
        .header("Authorization", "Bearer " + done.getRecordingAccessToken()).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(wav.statusCode()).isEqualTo(200);
    RecordedWav audio = RecordedWav.parse(wav.body());
    assertThat(audio.durationMillis()).isEqualTo(2_250);
    assertThat(audio.silent(0, 500)).isTrue();
    assertThat(audio.power(440, 500, 1_500)).isGreaterThan(1e6);
    assertThat(audio.silent(1_500, 2_000)).isTrue();
    assertThat(audio.power(697, 2_000, 2_100)).isGreaterThan(1e6);
    assertThat(audio.power(1209, 2_000, 2_100)).isGreaterThan(1e6);

    call(id).delete();
    callemu.control().advance(0);
    List<BotNotificationInbox.Notification> end = inbox.await(tag, 9);
    assertThat(end.get(7).call().getState()).isEqualTo(CallState.Terminating);
    Call terminated = end.get(8).call();
    assertThat(terminated.getState()).isEqualTo(CallState.Terminated);
    assertThat(terminated.getResultInfo().getCode()).isEqualTo(200);
    assertThat(terminated.getResultInfo().getSubcode()).isEqualTo(5001);

    verifyTokens(end);
  }

  /** Every notification's bearer token verifies with Nimbus against the keys the published OpenID configuration names. */
  private void verifyTokens(List<BotNotificationInbox.Notification> notifications) throws Exception {
    JsonNode oidc = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(origin
        + "/_emulator/graph/.well-known/OpenIdConfiguration")).build(), HttpResponse.BodyHandlers.ofString()).body());
    JWKSet keys = JWKSet.parse(http.send(HttpRequest.newBuilder(URI.create(oidc.path("jwks_uri").asText())).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    for (BotNotificationInbox.Notification n : notifications) {
      assertThat(n.authorization()).startsWith("Bearer ");
      SignedJWT jwt = SignedJWT.parse(n.authorization().substring(7));
      RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
      assertThat(key).isNotNull();
      assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      assertThat(claims.getIssuer()).isEqualTo("https://api.botframework.com");
      assertThat(claims.getAudience()).containsExactly(RegisteredApps.WELL_KNOWN_CLIENT_ID);
      assertThat(claims.getStringClaim("tid")).isEqualTo(TENANT);
      assertThat(claims.getStringClaim("http://schemas.microsoft.com/identity/claims/tenantid")).isEqualTo(TENANT);
      assertThat(claims.getExpirationTime()).isInTheFuture();
      assertThat(claims.getNotBeforeTime()).isInThePast();
    }
  }

  @Test
  @DisplayName("GR-JAVA-102 every recordResponse timer and the 2-minute cap at its boundary on the virtual clock, and the 15 s answer window, as the SDK parses them")
  void timersAtTheirBoundaries() {
    String tag = "timers";
    String id = established(tag);
    int seen = 3;

    call(id).recordResponse().post(record(1, 5, 10));
    callemu.control().advance(BEEP_MS + 999);
    assertThat(operations(tag, seen)).isEmpty();
    callemu.control().advance(1);
    CommsOperation initial = operations(tag, ++seen).get(0);
    assertThat(completionReason(initial)).isEqualTo("initialSilenceTimeout");
    assertThat(initial.getResultInfo().getCode()).isEqualTo(400);
    assertThat(((RecordOperation) initial).getRecordingLocation()).isEmpty();

    call(id).recordResponse().post(record(5, 3, 10));
    callemu.control().speech(id, Map.of("text", "my name is Ada", "durationMs", 1_000));
    callemu.control().advance(1_000 + 2_999);
    assertThat(operations(tag, seen)).hasSize(1);
    callemu.control().advance(1);
    CommsOperation silence = operations(tag, ++seen).get(1);
    assertThat(completionReason(silence)).isEqualTo("maxSilenceTimeout");
    assertThat(silence.getResultInfo().getCode()).isEqualTo(200);

    RecordResponsePostRequestBody tooLong = record(5, 5, 121);
    ODataError refused = Assertions.assertThrows(ODataError.class, () -> call(id).recordResponse().post(tooLong));
    assertThat(refused.getResponseStatusCode()).isEqualTo(400);
    assertThat(refused.getError().getCode()).isEqualTo("BadRequest");
    assertThat(refused.getError().getMessage()).contains("maxRecordDurationInSeconds");

    call(id).recordResponse().post(record(5, 5, 120));
    callemu.control().speech(id, Map.of("text", "a long story", "durationMs", 200_000));
    callemu.control().advance(BEEP_MS + 119_999);
    assertThat(operations(tag, seen)).hasSize(2);
    callemu.control().advance(1);
    CommsOperation capped = operations(tag, ++seen).get(2);
    assertThat(completionReason(capped)).isEqualTo("maxRecordDurationReached");
    assertThat(capped.getResultInfo().getSubcode()).isEqualTo(8515);

    String unanswered = offer("window");
    inbox.await("window", 1);
    callemu.control().advance(14_999);
    assertThat(inbox.await("window", 1)).hasSize(1);
    callemu.control().advance(1);
    Call timedOut = inbox.await("window", 2).get(1).call();
    assertThat(timedOut.getState()).isEqualTo(CallState.Terminated);
    assertThat(timedOut.getResultInfo().getCode()).isEqualTo(408);
    assertThat(timedOut.getResultInfo().getSubcode()).isEqualTo(1106);
    ODataError late = Assertions.assertThrows(ODataError.class, () -> call(unanswered).answer().post(answerBody()));
    assertThat(late.getResponseStatusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("GR-JAVA-103 cancelMediaProcessing and reject through the SDK; bad requests come back as ODataError in the Graph envelope and change nothing")
  void cancelRejectAndErrors() {
    String tag = "cancel";
    String id = established(tag);
    RecordOperation running = call(id).recordResponse().post(record(5, 5, 10));
    PlayPromptPostRequestBody play = new PlayPromptPostRequestBody();
    play.setPrompts(List.of(prompt("https://cdn.contoso.com/queued.wav")));
    PlayPromptOperation queued = call(id).playPrompt().post(play);
    CancelMediaProcessingPostRequestBody cancel = new CancelMediaProcessingPostRequestBody();
    cancel.setClientContext("stop");
    CancelMediaProcessingOperation canceled = call(id).cancelMediaProcessing().post(cancel);
    assertThat(canceled.getClientContext()).isEqualTo("stop");
    callemu.control().advance(0);
    List<CommsOperation> ops = operations(tag, 5);
    assertThat(ops).extracting(CommsOperation::getId).containsExactly(running.getId(), queued.getId());
    assertThat(ops.get(0).getResultInfo().getSubcode()).isEqualTo(8508);
    assertThat(completionReason(ops.get(0))).isEqualTo("operationCanceled");
    assertThat(completionReason(ops.get(1))).isEqualTo("mediaOperationCanceled");

    RecordResponsePostRequestBody twoPrompts = record(5, 5, 10);
    twoPrompts.setPrompts(List.of(prompt("https://x.example/1.wav"), prompt("https://x.example/2.wav")));
    ODataError error = Assertions.assertThrows(ODataError.class, () -> call(id).recordResponse().post(twoPrompts));
    assertThat(error.getResponseStatusCode()).isEqualTo(400);
    assertThat(error.getError().getInnerError().getRequestId()).hasSize(36);
    ODataError unknown = Assertions.assertThrows(ODataError.class,
        () -> call(UUID.randomUUID().toString()).playPrompt().post(play));
    assertThat(unknown.getResponseStatusCode()).isEqualTo(404);
    assertThat(unknown.getError().getCode()).isEqualTo("8522");
    assertThat(callemu.control().call(id).path("media").path("operations")).isEmpty();

    String rejected = offer("reject");
    inbox.await("reject", 1);
    RejectPostRequestBody reject = new RejectPostRequestBody();
    reject.setReason(RejectReason.Busy);
    call(rejected).reject().post(reject);
    ODataError gone = Assertions.assertThrows(ODataError.class, () -> call(rejected).get());
    assertThat(gone.getResponseStatusCode()).isEqualTo(404);
  }
}
