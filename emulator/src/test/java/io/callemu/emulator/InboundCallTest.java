package io.callemu.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.testing.CallbackReceiver;
import io.callemu.emulator.testing.Harness;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** IncomingCall through Event Grid (with its validation handshake), answer, redirect, reject. */
@ExtendWith(VertxExtension.class)
class InboundCallTest {

  private CallbackReceiver app;
  private Harness emu;

  @BeforeEach
  void start(Vertx vertx) {
    app = CallbackReceiver.start(vertx);
    app.answer(r -> {
      JsonObject event = ((io.vertx.core.json.JsonArray) r.body()).getJsonObject(0);
      if ("Microsoft.EventGrid.SubscriptionValidationEvent".equals(event.getString("eventType"))) {
        return new CallbackReceiver.Answer(200, new JsonObject()
            .put("validationResponse", event.getJsonObject("data").getString("validationCode")).encode());
      }
      return CallbackReceiver.Answer.OK;
    });
    emu = Harness.start(c -> c.withEventGridWebhook(app.url("/eventgrid")));
  }

  @AfterEach
  void stop() {
    emu.close();
    app.close();
  }

  private String ring() {
    Harness.Response r = emu.control("POST", "/_emulator/incoming-calls",
        new JsonObject().put("from", "+15551112222").put("to", "+15550000000").put("callerDisplayName", "Ann"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("incomingCallContext");
  }

  private JsonObject eventGrid(int index) {
    return ((io.vertx.core.json.JsonArray) app.received().get(index).body()).getJsonObject(0);
  }

  @Test
  void handshakeComesFirstThenIncomingCallThenAnswerConnects() {
    String context = ring();
    assertThat(app.received()).hasSize(2);
    assertThat(app.received().get(0).aegEventType()).isEqualTo("SubscriptionValidation");
    assertThat(eventGrid(0).getString("eventType")).isEqualTo("Microsoft.EventGrid.SubscriptionValidationEvent");
    assertThat(app.received().get(1).aegEventType()).isEqualTo("Notification");
    JsonObject incoming = eventGrid(1);
    assertThat(incoming.getString("eventType")).isEqualTo("Microsoft.Communication.IncomingCall");
    assertThat(incoming.getString("dataVersion")).isNotBlank();
    assertThat(incoming.getString("metadataVersion")).isEqualTo("1");
    JsonObject data = incoming.getJsonObject("data");
    assertThat(data.getString("incomingCallContext")).isEqualTo(context);
    assertThat(data.getJsonObject("from").getString("rawId")).isEqualTo("4:+15551112222");
    assertThat(data.getJsonObject("from").getString("kind")).isEqualTo("phoneNumber");
    assertThat(data.getJsonObject("to").getJsonObject("phoneNumber").getString("value")).isEqualTo("+15550000000");
    assertThat(data.getString("callerDisplayName")).isEqualTo("Ann");

    // A second inbound call needs no second handshake.
    ring();
    assertThat(app.received()).hasSize(3);

    Harness.Response answer = emu.acs("POST", "/calling/callConnections:answer?api-version=" + Harness.JAVA_API,
        new JsonObject().put("incomingCallContext", context).put("callbackUri", app.url("/cb")).put("operationContext", "in"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().getString("correlationId")).isEqualTo(data.getString("correlationId"));
    assertThat(answer.json().getString("serverCallId")).isEqualTo(data.getString("serverCallId"));
    emu.advance(0);
    assertThat(app.types("/cb")).containsExactly("Microsoft.Communication.CallConnected",
        "Microsoft.Communication.ParticipantsUpdated");
    assertThat(app.received().get(3).event().getJsonObject("data").getString("operationContext")).isEqualTo("in");
  }

  @Test
  void answeringTwiceOrAnUnknownContextGivesAnswerFailed() {
    String context = ring();
    emu.acs("POST", "/calling/callConnections:answer?api-version=" + Harness.JS_API,
        new JsonObject().put("incomingCallContext", context).put("callbackUri", app.url("/first")));
    Harness.Response again = emu.acs("POST", "/calling/callConnections:answer?api-version=" + Harness.JS_API,
        new JsonObject().put("incomingCallContext", context).put("callbackUri", app.url("/second")));
    assertThat(again.status()).isEqualTo(200);
    emu.advance(0);
    assertThat(app.types("/second")).containsExactly("Microsoft.Communication.AnswerFailed");
    assertThat(app.types("/first")).startsWith("Microsoft.Communication.CallConnected");
  }

  @Test
  void answeringAfterTheRingingWindowGivesAnswerFailed8587() {
    String context = ring();
    emu.advance(30_000);
    emu.acs("POST", "/calling/callConnections:answer?api-version=" + Harness.JS_API,
        new JsonObject().put("incomingCallContext", context).put("callbackUri", app.url("/late")));
    emu.advance(0);
    assertThat(app.types("/late")).containsExactly("Microsoft.Communication.AnswerFailed");
    JsonObject result = app.received().get(app.received().size() - 1).event().getJsonObject("data").getJsonObject("resultInformation");
    assertThat(result.getInteger("subCode")).isEqualTo(8587);
  }

  @Test
  void answerWithABadCallbackUriIs400AndLeavesTheCallAnswerable() {
    String context = ring();
    Harness.Response bad = emu.acs("POST", "/calling/callConnections:answer?api-version=" + Harness.JS_API,
        new JsonObject().put("incomingCallContext", context).put("callbackUri", "mailto:x@y"));
    assertThat(bad.status()).isEqualTo(400);
    Harness.Response good = emu.acs("POST", "/calling/callConnections:answer?api-version=" + Harness.JS_API,
        new JsonObject().put("incomingCallContext", context).put("callbackUri", app.url("/cb")));
    assertThat(good.status()).isEqualTo(200);
  }

  @Test
  void rejectAndRedirectConsumeTheContext() {
    String rejected = ring();
    JsonObject reject = new JsonObject().put("incomingCallContext", rejected).put("callRejectReason", "busy");
    assertThat(emu.acs("POST", "/calling/callConnections:reject?api-version=" + Harness.JS_API, reject).status()).isEqualTo(204);
    assertThat(emu.acs("POST", "/calling/callConnections:reject?api-version=" + Harness.JS_API, reject).status()).isEqualTo(404);
    assertThat(emu.acs("POST", "/calling/callConnections:reject?api-version=" + Harness.JS_API,
        new JsonObject().put("incomingCallContext", ring()).put("callRejectReason", "grumpy")).status()).isEqualTo(400);

    String redirected = ring();
    JsonObject redirect = new JsonObject().put("incomingCallContext", redirected)
        .put("target", new JsonObject().put("rawId", "4:+15553334444").put("phoneNumber", new JsonObject().put("value", "+15553334444")));
    assertThat(emu.acs("POST", "/calling/callConnections:redirect?api-version=" + Harness.JS_API, redirect).status()).isEqualTo(204);
    Harness.Response answerAfter = emu.acs("POST", "/calling/callConnections:answer?api-version=" + Harness.JS_API,
        new JsonObject().put("incomingCallContext", redirected).put("callbackUri", app.url("/after")));
    assertThat(answerAfter.status()).isEqualTo(200);
    emu.advance(0);
    assertThat(app.types("/after")).containsExactly("Microsoft.Communication.AnswerFailed");
  }

  @Test
  void withoutAWebhookInboundCallsAreRefusedClearly() {
    try (Harness plain = Harness.start()) {
      Harness.Response r = plain.control("POST", "/_emulator/incoming-calls",
          new JsonObject().put("from", "+15551112222").put("to", "+15550000000"));
      assertThat(r.status()).isEqualTo(409);
      assertThat(r.errorCode()).isEqualTo("NoEventGridWebhook");
      assertThat(r.body()).contains("--eventgrid-webhook");
    }
  }

  @Test
  void aWebhookThatFailsTheHandshakeGets502AndNoEvent() {
    app.answer(r -> new CallbackReceiver.Answer(200, "{\"validationResponse\":\"wrong\"}"));
    Harness.Response r = emu.control("POST", "/_emulator/incoming-calls",
        new JsonObject().put("from", "+15551112222").put("to", "+15550000000"));
    assertThat(r.status()).isEqualTo(502);
    assertThat(r.body()).contains("validation");
    assertThat(app.received()).hasSize(1);
  }

  @Test
  void anAppThatDoesNotAnswerTheEventGridPostIsReportedWithoutHoldingTheTestUp() {
    emu.control("POST", "/_emulator/settings", new JsonObject().put("eventGrid.answerWaitMs", 50));
    app.answer(r -> {
      JsonObject event = ((io.vertx.core.json.JsonArray) r.body()).getJsonObject(0);
      return "Microsoft.EventGrid.SubscriptionValidationEvent".equals(event.getString("eventType"))
          ? new CallbackReceiver.Answer(200, new JsonObject()
              .put("validationResponse", event.getJsonObject("data").getString("validationCode")).encode())
          : CallbackReceiver.Answer.NEVER;
    });
    Harness.Response r = emu.control("POST", "/_emulator/incoming-calls",
        new JsonObject().put("from", "+15551112222").put("to", "+15550000000"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().getString("delivery")).isEqualTo("noAnswer");
    assertThat(r.json().getString("detail")).contains("50 ms");
    // The call stays offered: the app can still answer it.
    String context = r.json().getString("incomingCallContext");
    Harness.Response answered = emu.acs("POST", "/calling/callConnections:answer?api-version=" + Harness.JS_API,
        new JsonObject().put("incomingCallContext", context).put("callbackUri", app.url("/cb")));
    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
  }

  @Test
  void anAnsweredPostSaysDelivered() {
    Harness.Response r = emu.control("POST", "/_emulator/incoming-calls",
        new JsonObject().put("from", "+15551112222").put("to", "+15550000000"));
    assertThat(r.json().getString("delivery")).isEqualTo("delivered");
  }

  @Test
  void badIncomingCallBodiesAre400() {
    assertThat(emu.control("POST", "/_emulator/incoming-calls", new JsonObject().put("to", "+1555")).status()).isEqualTo(400);
    assertThat(emu.control("POST", "/_emulator/incoming-calls",
        new JsonObject().put("from", 5).put("to", "+1555")).status()).isEqualTo(400);
    assertThat(app.received()).isEmpty();
  }
}
