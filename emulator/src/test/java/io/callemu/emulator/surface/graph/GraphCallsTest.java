package io.callemu.emulator.surface.graph;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Graph calls: offer, answer, reject, create, get, delete, hang-up, the answer window and the notification sequence. */
@ExtendWith(VertxExtension.class)
class GraphCallsTest {

  private GraphFixture f;

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  private static JsonObject createBody(String callbackUri) {
    return new JsonObject()
        .put("callbackUri", callbackUri)
        .put("targets", new JsonArray().add(new JsonObject().put("identity", new JsonObject()
            .put("user", new JsonObject().put("id", "112f7296-5fa4-42ca-bae8-6a692b15d4b8").put("displayName", "John")))))
        .put("requestedModalities", new JsonArray().add("audio"))
        .put("mediaConfig", new JsonObject().put("@odata.type", "#microsoft.graph.serviceHostedMediaConfig"));
  }

  @Test
  void anOfferedCallIsCreatedThenAnsweredEstablishedAndHungUpByTheBot(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String id = f.offer();
    f.emu.advance(0);

    JsonObject created = f.notifications().get(0);
    assertThat(created.getString("changeType")).isEqualTo("created");
    assertThat(created.getString("resourceUrl")).isEqualTo("/communications/calls/" + id);
    JsonObject call = created.getJsonObject("resourceData");
    assertThat(call.getString("state")).isEqualTo("incoming");
    assertThat(call.getString("direction")).isEqualTo("incoming");
    assertThat(call.getJsonObject("source").getJsonObject("identity").getJsonObject("phone").getString("id"))
        .isEqualTo(GraphFixture.CALLER);
    assertThat(call.getJsonArray("targets").getJsonObject(0).getJsonObject("identity")
        .getJsonObject("application").getString("id")).isEqualTo(
            io.callemu.emulator.surface.graph.identity.RegisteredApps.WELL_KNOWN_CLIENT_ID);
    assertThat(f.graph("GET", "/communications/calls/" + id, null).json().getString("state")).isEqualTo("incoming");

    assertThat(f.action(id, "answer", GraphFixture.answerBody()).status()).isEqualTo(202);
    f.emu.advance(0);
    assertThat(f.kinds()).containsExactly("created:incoming", "updated:establishing", "updated:established");
    assertThat(f.notifications().get(2).getJsonObject("resourceData").getJsonObject("mediaState").getString("audio"))
        .isEqualTo("active");
    Harness.Response get = f.graph("GET", "/communications/calls/" + id, null);
    assertThat(get.json().getString("state")).isEqualTo("established");
    assertThat(get.json().getJsonObject("mediaState").getString("audio")).isEqualTo("active");

    assertThat(f.graph("DELETE", "/communications/calls/" + id, null).status()).isEqualTo(204);
    f.emu.advance(0);
    assertThat(f.kinds()).endsWith("updated:terminating", "deleted:terminated");
    JsonObject resultInfo = f.notifications().get(4).getJsonObject("resourceData").getJsonObject("resultInfo");
    assertThat(resultInfo.getInteger("code")).isEqualTo(200);
    assertThat(resultInfo.getInteger("subcode")).isEqualTo(5001);
    Harness.Response gone = f.graph("GET", "/communications/calls/" + id, null);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("8522");
    assertThat(f.emu.control("GET", "/_emulator/calls/" + id, null).json().getString("platform")).isEqualTo("graph");
  }

  @Test
  void anOfferedCallNobodyAnswersEndsAfterFifteenSecondsWith408Subcode1106(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String id = f.offer();
    f.emu.advance(14_999);
    assertThat(f.kinds()).containsExactly("created:incoming");
    f.emu.advance(1);
    assertThat(f.kinds()).containsExactly("created:incoming", "deleted:terminated");
    JsonObject resultInfo = f.notifications().get(1).getJsonObject("resourceData").getJsonObject("resultInfo");
    assertThat(resultInfo.getInteger("code")).isEqualTo(408);
    assertThat(resultInfo.getInteger("subcode")).isEqualTo(1106);
    Harness.Response late = f.action(id, "answer", GraphFixture.answerBody());
    assertThat(late.status()).isEqualTo(404);
  }

  @Test
  void aCreatedCallIs201WithLocationThenEstablishing(Vertx vertx) {
    f = GraphFixture.start(vertx);
    Harness.Response r = f.graph("POST", "/communications/calls", createBody(f.bot.url(GraphFixture.CB)));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String id = r.json().getString("id");
    assertThat(r.header("Location")).isEqualTo(f.emu.callemu().httpUrl() + "/v1.0/communications/calls/" + id);
    assertThat(r.json().getString("state")).isEqualTo("establishing");
    assertThat(r.json().getString("direction")).isEqualTo("outgoing");
    f.emu.advance(499);
    assertThat(f.kinds()).containsExactly("updated:establishing");
    f.emu.advance(1);
    assertThat(f.kinds()).containsExactly("updated:establishing", "updated:established");
  }

  @Test
  void aRejectedCallIsGoneAndCannotBeAnswered(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String id = f.offer();
    assertThat(f.action(id, "reject", new JsonObject().put("reason", "busy")).status()).isEqualTo(202);
    f.emu.advance(20_000);
    assertThat(f.kinds()).containsExactly("created:incoming");
    assertThat(f.action(id, "answer", GraphFixture.answerBody()).status()).isEqualTo(404);
  }

  @Test
  void answeringTwiceIsABadRequestAndChangesNothing(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String id = f.established();
    Harness.Response again = f.action(id, "microsoft.graph.answer", GraphFixture.answerBody());
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.errorCode()).isEqualTo("BadRequest");
    assertThat(again.json().getJsonObject("error").getJsonObject("innerError").getString("request-id")).hasSize(36);
    f.emu.advance(0);
    assertThat(f.kinds()).containsExactly("created:incoming", "updated:establishing", "updated:established");
  }

  @Test
  void theCallerHangsUp(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String id = f.established();
    assertThat(f.emu.control("POST", "/_emulator/calls/" + id + "/hangup", null).status()).isEqualTo(200);
    f.emu.advance(0);
    List<JsonObject> n = f.notifications();
    assertThat(f.kinds()).endsWith("updated:terminating", "deleted:terminated");
    assertThat(n.get(n.size() - 1).getJsonObject("resourceData").getJsonObject("resultInfo").getInteger("subcode"))
        .isEqualTo(4521);
  }

  @Test
  void severalAndOutOfOrderEstablishedNotificationsAreSwitches(Vertx vertx) {
    f = GraphFixture.start(vertx, c -> c.withSetting("graph.notifications.repeatEstablished", "true")
        .withSetting("graph.notifications.outOfOrder", "true"));
    f.established();
    assertThat(f.kinds()).containsExactly("created:incoming", "updated:established", "updated:established",
        "updated:establishing");
  }

  @Test
  void theBetaAppRootAndPrefixedActionsAreServed(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String id = f.offer();
    Harness.Response r = f.emu.control("POST", "/beta/app/calls/" + id + "/microsoft.graph.answer",
        GraphFixture.answerBody(), java.util.Map.of("Content-Type", "application/json"));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    f.emu.advance(0);
    assertThat(f.emu.control("GET", "/beta/app/calls/" + id, null).json().getString("state")).isEqualTo("established");
  }

  @Test
  void unknownAndUnemulatedActionsAndPaths(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String id = f.established();
    Harness.Response unknown = f.action(id, "doSomething", new JsonObject());
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().getJsonObject("error").getString("message"))
        .isEqualTo("Resource not found for the segment 'doSomething'.");
    assertThat(f.action(id, "transfer", new JsonObject()).status()).isEqualTo(501);
    assertThat(f.graph("PATCH", "/communications/calls/" + id, new JsonObject()).status()).isEqualTo(405);
    assertThat(f.graph("GET", "/communications/calls/" + id + "/operations/nope", null).status()).isEqualTo(404);
    assertThat(f.graph("GET", "/me", null).status()).isEqualTo(400);
    assertThat(f.graph("GET", "/communications/calls/" + id + "/participants", null).status()).isEqualTo(501);
  }

  @Test
  void aRedirectedCallLeavesTheBotAndARedirectWithoutTargetsIsRefused(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String id = f.offer();
    assertThat(f.action(id, "redirect", new JsonObject()).status()).isEqualTo(400);
    assertThat(f.action(id, "redirect", new JsonObject().put("targets", new JsonArray().add(new JsonObject()
        .put("identity", new JsonObject().put("phone", new JsonObject().put("id", "+15559990000")))))).status())
        .isEqualTo(202);
    assertThat(f.graph("GET", "/communications/calls/" + id, null).status()).isEqualTo(404);
    assertThat(f.emu.control("GET", "/_emulator/calls/" + id, null).json().getString("endedBy")).isEqualTo("dismissed");
  }

  @Test
  void badCreateAndAnswerBodiesAre400AndChangeNothing(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String cb = f.bot.url(GraphFixture.CB);
    int before = f.emu.callCount();
    List<Object> bodies = List.of("{not json", "[]", new JsonObject(),
        createBody(cb).put("callbackUri", 17),
        createBody(cb).put("callbackUri", "ftp://x"),
        createBody(cb).put("targets", new JsonArray()),
        createBody(cb).put("targets", new JsonArray().add(new JsonObject().put("identity", new JsonObject()))),
        createBody(cb).put("requestedModalities", new JsonArray().add("smell")),
        createBody(cb).put("mediaConfig", new JsonObject()),
        createBody(cb).put("mediaConfig", new JsonObject().put("@odata.type", "#microsoft.graph.other")));
    for (Object body : bodies) {
      Harness.Response r = f.graph("POST", "/communications/calls", body);
      assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(400);
      assertThat(r.errorCode()).isEqualTo("BadRequest");
    }
    Harness.Response appHosted = f.graph("POST", "/communications/calls", createBody(cb).put("mediaConfig",
        new JsonObject().put("@odata.type", "#microsoft.graph.appHostedMediaConfig")));
    assertThat(appHosted.status()).isEqualTo(501);
    String id = f.offer();
    assertThat(f.action(id, "answer", new JsonObject().put("mediaConfig", GraphFixture.answerBody()
        .getJsonObject("mediaConfig"))).status()).isEqualTo(400);
    assertThat(f.action("00000000-0000-0000-0000-000000000000", "answer", GraphFixture.answerBody()).status())
        .isEqualTo(404);
    assertThat(f.emu.callCount()).isEqualTo(before + 1);
    assertThat(f.graph("GET", "/communications/calls/" + id, null).json().getString("state")).isEqualTo("incoming");
  }

  @Test
  void theControlApiRefusesABadOffer(Vertx vertx) {
    f = GraphFixture.start(vertx);
    assertThat(f.emu.control("POST", "/_emulator/graph/incoming-calls", new JsonObject().put("from", "+1555"))
        .status()).isEqualTo(400);
    assertThat(f.emu.control("POST", "/_emulator/graph/incoming-calls", new JsonObject()
        .put("callbackUri", f.bot.url("/x"))).status()).isEqualTo(400);
    assertThat(f.emu.callCount()).isZero();
  }

  @Test
  void aBotWhoseEndpointIsDownGetsBoundedRetriesAndOtherCallsAreNotDelayed(Vertx vertx) {
    f = GraphFixture.start(vertx, c -> c.withSetting("callback.maxAttempts", "3"));
    CallbackReceiver down = CallbackReceiver.start(vertx);
    down.answer(r -> new CallbackReceiver.Answer(503, ""));
    try {
      Harness.Response offered = f.emu.control("POST", "/_emulator/graph/incoming-calls",
          new JsonObject().put("callbackUri", down.url("/down")).put("from", GraphFixture.CALLER));
      String downCall = offered.json().getString("id");
      String upCall = f.offer();
      f.emu.advance(0);
      assertThat(f.kinds()).containsExactly("created:incoming");
      f.emu.advance(10_000);
      assertThat(down.received()).hasSize(3);
      JsonObject events = f.emu.control("GET", "/_emulator/events?callConnectionId=" + downCall, null).json();
      assertThat(events.encode()).contains("undelivered");
      assertThat(upCall).isNotEqualTo(downCall);
    } finally {
      down.close();
    }
  }
}
