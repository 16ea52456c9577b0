package io.callemu.emulator.core.media;

import static io.callemu.emulator.core.media.MediaFixture.dtmfRecognize;
import static io.callemu.emulator.core.media.MediaFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.testing.Harness;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every refusal of reference 6.2 is 400/8523 naming the field, and nothing is started. */
@ExtendWith(VertxExtension.class)
class RecognizeValidationTest {

  private MediaFixture f;

  @BeforeEach
  void start(Vertx vertx) {
    f = MediaFixture.start(vertx, c -> c, true);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private void refused(String action, JsonObject body, String field) {
    refused(action, body, field, Harness.JS_API);
  }

  private void refused(String action, JsonObject body, String field, String api) {
    Harness.Response r = f.action(action, body, api);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("8523");
    assertThat(r.json().getJsonObject("error").getString("message")).contains(field);
    f.emu.advance(0);
    assertThat(f.detail().getJsonObject("media").getJsonArray("operations")).isEmpty();
    assertThat(f.mediaEvents()).isEmpty();
  }

  private static JsonObject dtmf(Consumer<JsonObject> change) {
    JsonObject body = dtmfRecognize(4, new JsonObject(), new JsonObject());
    change.accept(body);
    return body;
  }

  private static JsonObject options(JsonObject body) {
    return body.getJsonObject("recognizeOptions");
  }

  @Test
  void dtmfLimits() {
    refused("recognize", dtmf(b -> options(b).put("initialSilenceTimeoutInSeconds", 301)), "initialSilenceTimeoutInSeconds");
    refused("recognize", dtmf(b -> options(b).put("initialSilenceTimeoutInSeconds", -1)), "initialSilenceTimeoutInSeconds");
    refused("recognize", dtmf(b -> options(b).getJsonObject("dtmfOptions").put("interToneTimeoutInSeconds", 0)), "interToneTimeoutInSeconds");
    refused("recognize", dtmf(b -> options(b).getJsonObject("dtmfOptions").put("interToneTimeoutInSeconds", 61)), "interToneTimeoutInSeconds");
    refused("recognize", dtmf(b -> options(b).getJsonObject("dtmfOptions").put("maxTonesToCollect", 0)), "maxTonesToCollect");
    refused("recognize", dtmf(b -> options(b).getJsonObject("dtmfOptions").remove("maxTonesToCollect")), "maxTonesToCollect");
    refused("recognize", dtmf(b -> options(b).getJsonObject("dtmfOptions").put("stopTones", new JsonArray().add("hash"))), "stopTones[0]");
    refused("recognize", dtmf(b -> options(b).put("initialSilenceTimeoutInSeconds", "5")), "initialSilenceTimeoutInSeconds");
  }

  @Test
  void requiredFieldsAndTypes() {
    refused("recognize", dtmf(b -> b.remove("recognizeInputType")), "recognizeInputType");
    refused("recognize", dtmf(b -> b.put("recognizeInputType", "voice")), "recognizeInputType");
    refused("recognize", dtmf(b -> b.remove("recognizeOptions")), "recognizeOptions");
    refused("recognize", dtmf(b -> options(b).remove("targetParticipant")), "targetParticipant");
    refused("recognize", dtmf(b -> options(b).put("targetParticipant", new JsonObject().put("rawId", "4:+19999"))),
        "not a participant");
    refused("recognize", dtmf(b -> b.put("playPrompt", new JsonObject().put("kind", "video"))), "playPrompt.kind");
    refused("recognize", dtmf(b -> b.put("playPrompt", new JsonObject().put("kind", "text")
        .put("text", new JsonObject().put("text", "")))), "playPrompt.text.text");
    refused("recognize", dtmf(b -> b.put("operationCallbackUri", "ftp://x")), "operationCallbackUri");
    refused("recognize", dtmf(b -> options(b).put("speechLanguage", "english")), "speechLanguage");
  }

  @Test
  void speechAndChoicesLimits() {
    JsonObject choices = new JsonObject().put("recognizeInputType", "choices").put("recognizeOptions",
        new JsonObject().put("targetParticipant", target()).put("initialSilenceTimeoutInSeconds", 21)
            .put("choices", new JsonArray().add(new JsonObject().put("label", "Yes").put("phrases", new JsonArray().add("yes")))));
    refused("recognize", choices, "initialSilenceTimeoutInSeconds");
    options(choices).put("initialSilenceTimeoutInSeconds", 5).put("choices", new JsonArray());
    refused("recognize", choices, "choices");
    options(choices).put("choices", new JsonArray().add(new JsonObject().put("label", "Yes")));
    refused("recognize", choices, "choices[0].phrases");
    options(choices).put("choices", new JsonArray().add(new JsonObject().put("label", "Yes")
        .put("phrases", new JsonArray().add("yes")).put("tone", "eleven")));
    refused("recognize", choices, "choices[0].tone");
    JsonObject speech = new JsonObject().put("recognizeInputType", "speech").put("recognizeOptions",
        new JsonObject().put("targetParticipant", target()).put("speechOptions", new JsonObject().put("endSilenceTimeoutInMs", -5)));
    refused("recognize", speech, "endSilenceTimeoutInMs");
  }

  @Test
  void api20230306TakesOnlyDtmfAndFiles() {
    JsonObject speech = new JsonObject().put("recognizeInputType", "speech")
        .put("recognizeOptions", new JsonObject().put("targetParticipant", target()));
    refused("recognize", speech, "recognizeInputType", "2023-03-06");
    refused("play", new JsonObject().put("playSources", new JsonArray().add(MediaFixture.textPrompt("hi"))),
        "playSources[0].kind", "2023-03-06");
  }

  @Test
  void playRefusals() {
    refused("play", new JsonObject().put("playSources", new JsonArray()), "playSources");
    refused("play", new JsonObject(), "playSources");
    refused("play", new JsonObject().put("playSources", new JsonArray().add(MediaFixture.fileSource("no scheme"))), "file.uri");
    refused("play", new JsonObject().put("playSources", new JsonArray().add(new JsonObject().put("kind", "ssml")
        .put("ssml", new JsonObject()))), "ssmlText");
    refused("play", new JsonObject().put("playSources", new JsonArray().add(MediaFixture.textPrompt("hi")))
        .put("playTo", new JsonArray().add(new JsonObject().put("rawId", "8:acs:stranger"))), "not a participant");
  }

  @Test
  void speechNeedsCognitiveServicesOnTheCall(Vertx vertx) {
    MediaFixture plain = MediaFixture.start(vertx);
    try {
      Harness.Response r = plain.action("recognize", new JsonObject().put("recognizeInputType", "speech")
          .put("recognizeOptions", new JsonObject().put("targetParticipant", target())));
      assertThat(r.status()).isEqualTo(405);
      assertThat(r.errorCode()).isEqualTo("8522");
    } finally {
      plain.close();
    }
  }

  @Test
  void mediaOnAnEndedCallIs404() {
    f.emu.control("POST", "/_emulator/calls/" + f.callId + "/hangup", null);
    Harness.Response r = f.action("recognize", dtmfRecognize(1, new JsonObject(), new JsonObject()));
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("8522");
  }
}
