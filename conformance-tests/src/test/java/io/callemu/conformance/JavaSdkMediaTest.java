package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.CallMedia;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.callautomation.models.CallMediaRecognizeDtmfOptions;
import com.azure.communication.callautomation.models.DtmfResult;
import com.azure.communication.callautomation.models.DtmfTone;
import com.azure.communication.callautomation.models.FileSource;
import com.azure.communication.callautomation.models.PlayToAllOptions;
import com.azure.communication.callautomation.models.events.CallConnected;
import com.azure.communication.callautomation.models.events.PlayCanceled;
import com.azure.communication.callautomation.models.events.PlayCompleted;
import com.azure.communication.callautomation.models.events.PlayFailed;
import com.azure.communication.callautomation.models.events.ReasonCode;
import com.azure.communication.callautomation.models.events.RecognizeCanceled;
import com.azure.communication.callautomation.models.events.RecognizeCompleted;
import com.azure.communication.callautomation.models.events.RecognizeFailed;
import com.azure.communication.callautomation.models.events.ResultInformation;
import com.azure.communication.common.PhoneNumberIdentifier;
import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DTMF recognize, play from a file and cancelAllMediaOperations through the Java SDK 1.0.4 over
 * HTTPS (api-version 2023-03-06: file sources and DTMF only, reference §1 item 1), every callback
 * parsed by {@code CallAutomationEventParser} into its typed event, on the virtual clock.
 */
@DisplayName("Java SDK 1.0.4 media (HTTPS, virtual clock)")
class JavaSdkMediaTest extends MediaConformanceTest {

  static final Duration WAIT = Duration.ofMillis(WAIT_MS);
  static final PhoneNumberIdentifier CALLEE_ID = new PhoneNumberIdentifier(TARGET_PHONE);

  CallAutomationClient client;
  PromptFileServer files;
  RtpSender rtp;

  @BeforeAll
  void javaClientPromptFilesRtp() {
    client = JavaSdk.client(callemu.connectionString(), callemu.caPem());
    files = new PromptFileServer();
    rtp = new RtpSender();
  }

  @AfterAll
  @SuppressWarnings("try") // the block only closes them
  void stopPromptFilesRtp() {
    try (PromptFileServer f = files; RtpSender r = rtp) {
      // closed in reverse order; each may be null if start failed
    }
  }

  /** A call made and connected through the Java SDK, its callbacks going to the Java app. */
  String javaCall(String prefix) {
    String tag = newTag(prefix);
    String id = client.createCall(new CallInvite(CALLEE_ID, new PhoneNumberIdentifier(CALLER_ID)),
        javaInbox.callbackUrl(tag)).getCallConnectionProperties().getCallConnectionId();
    advance(RING_MS);
    javaInbox.await(CallConnected.class, id, WAIT);
    return id;
  }

  CallMedia media(String id) {
    return client.getCallConnection(id).getCallMedia();
  }

  static void assertResult(ResultInformation result, int code, int subCode) {
    assertThat(result.getCode()).isEqualTo(code);
    assertThat(result.getSubCode()).isEqualTo(subCode);
  }

  /** The resultInformation of the one raw callback of that type the Java app got for the call. */
  JsonNode rawResult(String id, String type) {
    return javaInbox.received().stream()
        .map(JavaCallbackInbox.Received::body)
        .map(b -> json(b).path(0))
        .filter(e -> e.path("type").asText().equals("Microsoft.Communication." + type))
        .filter(e -> e.path("data").path("callConnectionId").asText().equals(id))
        .findFirst().orElseThrow(() -> new AssertionError("no " + type + " for " + id))
        .path("data").path("resultInformation");
  }

  @Test
  @DisplayName("CA-J-REC-001 PIN entry with CallMediaRecognizeDtmfOptions and a file prompt: 202; RecognizeCompleted parses to DtmfResult 1234# with reason STOP_TONE_DETECTED (200/8514)")
  void dtmfPinEntry() {
    String id = javaCall("jpin");
    String prompt = files.put("enter-pin.wav", Wav.tone(16_000, 2_000));
    CallMediaRecognizeDtmfOptions options = new CallMediaRecognizeDtmfOptions(CALLEE_ID, 8)
        .setStopTones(List.of(DtmfTone.POUND))
        .setInterToneTimeout(Duration.ofSeconds(3))
        .setInitialSilenceTimeout(Duration.ofSeconds(10))
        .setInterruptPrompt(true)
        .setPlayPrompt(new FileSource().setUrl(prompt))
        .setOperationContext("jpin");

    Response<Void> response = media(id).startRecognizingWithResponse(options, Context.NONE);

    assertThat(response.getStatusCode()).isEqualTo(202);
    awaitFilesFetched(id);
    advance(2_000);
    press(id, "1234#");
    advance(pressMs(5));
    RecognizeCompleted completed = javaInbox.await(RecognizeCompleted.class, id, WAIT);
    assertThat(completed.getOperationContext()).isEqualTo("jpin");
    assertThat(completed.getReasonCode()).isEqualTo(ReasonCode.Recognize.STOP_TONE_DETECTED);
    assertResult(completed.getResultInformation(), 200, 8514);
    assertThat(completed.getRecognizeResult()).get().isInstanceOfSatisfying(DtmfResult.class, dtmf -> {
      assertThat(dtmf.getTones()).containsExactly(DtmfTone.ONE, DtmfTone.TWO, DtmfTone.THREE, DtmfTone.FOUR, DtmfTone.POUND);
      assertThat(dtmf.convertToString()).isEqualTo("1234#");
    });
  }

  @Test
  @DisplayName("CA-J-REC-002 max tones: RecognizeCompleted reason MAX_DIGITS_RECEIVED (200/8531)")
  void dtmfMaxTones() {
    String id = javaCall("jmax");
    media(id).startRecognizing(new CallMediaRecognizeDtmfOptions(CALLEE_ID, 2).setOperationContext("jmax"));

    press(id, "90");
    advance(pressMs(2));

    RecognizeCompleted completed = javaInbox.await(RecognizeCompleted.class, id, WAIT);
    assertThat(completed.getReasonCode()).isEqualTo(ReasonCode.Recognize.MAX_DIGITS_RECEIVED);
    assertThat(completed.getRecognizeResult()).get().isInstanceOfSatisfying(DtmfResult.class,
        dtmf -> assertThat(dtmf.convertToString()).isEqualTo("90"));
  }

  @Test
  @DisplayName("CA-J-REC-003 silence: RecognizeFailed reason INITIAL_SILENCE_TIMEOUT (400/8510) exactly at the SDK's default 5 s")
  void dtmfInitialSilence() {
    String id = javaCall("jsil");
    media(id).startRecognizing(new CallMediaRecognizeDtmfOptions(CALLEE_ID, 4));

    advance(4_999);
    assertThat(javaInbox.received().stream().map(JavaCallbackInbox.Received::body)
        .filter(b -> b.contains("RecognizeFailed") && b.contains(id))).isEmpty();
    advance(1);

    RecognizeFailed failed = javaInbox.await(RecognizeFailed.class, id, WAIT);
    assertThat(failed.getReasonCode()).isEqualTo(ReasonCode.Recognize.INITIAL_SILENCE_TIMEOUT);
    assertResult(failed.getResultInformation(), 400, 8510);
  }

  @Test
  @DisplayName("CA-J-REC-004 keys then a pause: inter-digit timeout parses as RecognizeCompleted reason INTER_DIGIT_TIMEOUT (400/8532) with the tones so far")
  void dtmfInterDigit() {
    String id = javaCall("jinter");
    media(id).startRecognizing(new CallMediaRecognizeDtmfOptions(CALLEE_ID, 6).setInterToneTimeout(Duration.ofSeconds(2)));

    press(id, "77");
    advance(pressMs(2) + 2_100);

    RecognizeCompleted completed = javaInbox.await(RecognizeCompleted.class, id, WAIT);
    assertThat(completed.getReasonCode()).isEqualTo(ReasonCode.Recognize.INTER_DIGIT_TIMEOUT);
    assertThat(completed.getRecognizeResult()).get().isInstanceOfSatisfying(DtmfResult.class,
        dtmf -> assertThat(dtmf.convertToString()).isEqualTo("77"));
  }

  @Test
  @DisplayName("CA-J-PLAY-001 playToAll from a FileSource (WAV on loopback): 202, PlayCompleted 200/0 after the file's duration")
  void playFile() {
    String id = javaCall("jplay");
    String url = files.put("welcome.wav", Wav.tone(16_000, 1_500));

    Response<Void> response = media(id).playToAllWithResponse(
        new PlayToAllOptions(new FileSource().setUrl(url)).setOperationContext("jplay"), Context.NONE);

    assertThat(response.getStatusCode()).isEqualTo(202);
    // The play starts once callemu has fetched the file (real time): PlayStarted, which 1.0.4 drops, says when.
    javaInbox.awaitBody("PlayStarted", id, WAIT);
    advance(1_499);
    assertThat(javaInbox.received().stream().map(JavaCallbackInbox.Received::body)
        .filter(b -> b.contains("PlayCompleted") && b.contains(id))).isEmpty();
    advance(1);
    PlayCompleted completed = javaInbox.await(PlayCompleted.class, id, WAIT);
    assertThat(completed.getOperationContext()).isEqualTo("jplay");
    assertThat(completed.getReasonCode()).isEqualTo(ReasonCode.COMPLETED_SUCCESSFULLY);
    assertResult(completed.getResultInformation(), 200, 0);
  }

  @Test
  @DisplayName("CA-J-PLAY-002 play of an unreachable file: PlayFailed reason DOWNLOAD_FAILED (400/8536)")
  void playUnreachableFile() {
    String id = javaCall("jplayfail");

    media(id).playToAll(new FileSource().setUrl(PromptFileServer.unreachableUrl("nothing.wav")));
    advance(1);

    PlayFailed failed = javaInbox.await(PlayFailed.class, id, WAIT);
    assertThat(failed.getReasonCode()).isEqualTo(ReasonCode.Play.DOWNLOAD_FAILED);
    assertResult(failed.getResultInformation(), 400, 8536);
  }

  @Test
  @DisplayName("CA-J-CANCEL-001 cancelAllMediaOperations (202) ends a running play and a queued recognize: PlayCanceled and RecognizeCanceled parse, both 400/8508 on the wire")
  void cancelAll() {
    String id = javaCall("jcancel");
    String url = files.put("hold-music.wav", Wav.tone(16_000, 3_000));
    media(id).playToAllWithResponse(new PlayToAllOptions(new FileSource().setUrl(url)).setLoop(true)
        .setOperationContext("music"), Context.NONE);
    media(id).startRecognizing(new CallMediaRecognizeDtmfOptions(CALLEE_ID, 1).setOperationContext("menu"));
    advance(500);

    Response<Void> response = media(id).cancelAllMediaOperationsWithResponse(Context.NONE);

    assertThat(response.getStatusCode()).isEqualTo(202);
    advance(1);
    assertThat(javaInbox.await(PlayCanceled.class, id, WAIT).getOperationContext()).isEqualTo("music");
    assertThat(javaInbox.await(RecognizeCanceled.class, id, WAIT).getOperationContext()).isEqualTo("menu");
    for (String type : List.of("PlayCanceled", "RecognizeCanceled")) {
      JsonNode result = rawResult(id, type);
      assertThat(result.path("code").asInt()).as(type).isEqualTo(400);
      assertThat(result.path("subCode").asInt()).as(type).isEqualTo(8508);
      assertThat(result.path("message").asText()).as(type).isEqualTo(MSG_CANCELED);
    }
  }

  @Test
  @DisplayName("CA-J-REC-005 Java initial silence Duration.ZERO (sent as 0) means no limit: nothing after 301 s, a key still completes it")
  void zeroInitialSilence() {
    String id = javaCall("jzero");
    media(id).startRecognizing(new CallMediaRecognizeDtmfOptions(CALLEE_ID, 1).setInitialSilenceTimeout(Duration.ZERO));

    advance(301_000);
    assertThat(javaInbox.received().stream().map(JavaCallbackInbox.Received::body)
        .filter(b -> b.contains("Recognize") && b.contains(id))).isEmpty();
    press(id, "3");
    advance(pressMs(1));

    RecognizeCompleted completed = javaInbox.await(RecognizeCompleted.class, id, WAIT);
    assertThat(completed.getReasonCode()).isEqualTo(ReasonCode.Recognize.MAX_DIGITS_RECEIVED);
  }

  @Test
  @DisplayName("CA-J-REC-006 barge-in over a 5 s file prompt (interruptPrompt): keys at 1 s complete the PIN at once, long before the prompt's end")
  void bargeInOverFilePrompt() {
    String id = javaCall("jbarge");
    String prompt = files.put("long-menu.wav", Wav.tone(16_000, 5_000));
    media(id).startRecognizing(new CallMediaRecognizeDtmfOptions(CALLEE_ID, 3).setInterruptPrompt(true)
        .setPlayPrompt(new FileSource().setUrl(prompt)).setOperationContext("jbarge"));
    awaitFilesFetched(id);
    advance(1_000);

    press(id, "246");
    advance(pressMs(3));

    RecognizeCompleted completed = javaInbox.await(RecognizeCompleted.class, id, WAIT);
    assertThat(completed.getReasonCode()).isEqualTo(ReasonCode.Recognize.MAX_DIGITS_RECEIVED);
    assertThat(completed.getRecognizeResult()).get().isInstanceOfSatisfying(DtmfResult.class,
        dtmf -> assertThat(dtmf.convertToString()).isEqualTo("246"));
  }

  @Test
  @DisplayName("CA-J-RTP-001 PIN entry by RFC 4733 packets from an outside sender to media.rtp: RecognizeCompleted STOP_TONE_DETECTED with 9876#")
  void pinOverRtp() {
    String id = javaCall("jrtp");
    media(id).startRecognizing(new CallMediaRecognizeDtmfOptions(CALLEE_ID, 8).setStopTones(List.of(DtmfTone.POUND))
        .setInitialSilenceTimeout(Duration.ofSeconds(60)));

    rtp.send(detail(id).path("media").path("rtp"), RtpSender.packets("9876#", 0x5151L));

    RecognizeCompleted completed = javaInbox.await(RecognizeCompleted.class, id, WAIT);
    assertThat(completed.getReasonCode()).isEqualTo(ReasonCode.Recognize.STOP_TONE_DETECTED);
    assertThat(completed.getRecognizeResult()).get().isInstanceOfSatisfying(DtmfResult.class,
        dtmf -> assertThat(dtmf.convertToString()).isEqualTo("9876#"));
  }

  @Test
  @DisplayName("CA-J-SCEN-001 a scenario rule (on recognize, match operationContext) presses 2468# for the Java app's PIN recognize; the test only moves the clock")
  void pinByScenario() {
    callemu.control().addScenario("""
        {"rules": [{"on": "recognize", "match": {"operationContext": "java-pin"}, "do": [{"dtmf": "2468#", "delayMs": 800}]}]}
        """);
    String id = javaCall("jscen");
    media(id).startRecognizing(new CallMediaRecognizeDtmfOptions(CALLEE_ID, 8).setStopTones(List.of(DtmfTone.POUND))
        .setInitialSilenceTimeout(Duration.ofSeconds(10)).setOperationContext("java-pin"));

    advance(800 + pressMs(5));

    RecognizeCompleted completed = javaInbox.await(RecognizeCompleted.class, id, WAIT);
    assertThat(completed.getReasonCode()).isEqualTo(ReasonCode.Recognize.STOP_TONE_DETECTED);
    assertThat(completed.getRecognizeResult()).get().isInstanceOfSatisfying(DtmfResult.class,
        dtmf -> assertThat(dtmf.convertToString()).isEqualTo("2468#"));
  }

  @Test
  @DisplayName("CA-J-REC-007 a file prompt that cannot be fetched: RecognizeFailed reason PLAY_PROMPT_FAILED (500/8511)")
  void promptFailed() {
    String id = javaCall("jprompt");
    media(id).startRecognizing(new CallMediaRecognizeDtmfOptions(CALLEE_ID, 1)
        .setPlayPrompt(new FileSource().setUrl(PromptFileServer.unreachableUrl("menu.wav"))));
    advance(1);

    RecognizeFailed failed = javaInbox.await(RecognizeFailed.class, id, WAIT);
    assertThat(failed.getReasonCode()).isEqualTo(ReasonCode.Recognize.PLAY_PROMPT_FAILED);
    assertResult(failed.getResultInformation(), 500, 8511);
  }

  @Test
  @DisplayName("CA-J-PLAY-003 play of a file that is no WAV/MP3: PlayFailed reason INVALID_FILE_FORMAT (400/8535)")
  void playInvalidFile() {
    String id = javaCall("jplayfmt");
    String url = files.put("notes.txt", "hello".getBytes(StandardCharsets.US_ASCII));

    media(id).playToAll(new FileSource().setUrl(url));
    advance(1);

    PlayFailed failed = javaInbox.await(PlayFailed.class, id, WAIT);
    assertThat(failed.getReasonCode()).isEqualTo(ReasonCode.Play.INVALID_FILE_FORMAT);
    assertResult(failed.getResultInformation(), 400, 8535);
  }
}
