package io.callemu.emulator.surface.control.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.testing.CallbackReceiver;
import io.callemu.emulator.testing.Harness;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /_emulator/feed and /calls/{id}/timeline over HTTP, and the page's assets. */
@ExtendWith(VertxExtension.class)
class ConsoleFeedTest {

  static final Path UI_SOURCES = Path.of("src/main/resources/io/callemu/emulator/surface/control/console/ui");

  @Test
  void aTabGetsAHelloThenEachCallsRowAndItsItemsAsTheyHappen(Vertx vertx) throws Exception {
    try (Harness emu = Harness.start(); CallbackReceiver app = CallbackReceiver.start(vertx);
        FeedStream feed = new FeedStream(emu.callemu().httpUrl(), Map.of())) {
      assertThat(feed.status()).isEqualTo(200);
      assertThat(feed.header("Content-Type")).startsWith("text/event-stream");
      assertThat(feed.header("Cache-Control")).isEqualTo("no-store");
      FeedStream.Frame hello = feed.next("hello");
      assertThat(hello.data().getJsonArray("calls")).isEmpty();
      assertThat(hello.data().getJsonObject("clock").getString("mode")).isEqualTo("virtual");

      String id = emu.createCall(app.url("/cb"), "console");
      JsonObject row = feed.next(f -> "call".equals(f.event())
          && id.equals(f.data().getString("callConnectionId")), 10).data();
      assertThat(row.getString("state")).isEqualTo("connecting");
      assertThat(row.getString("to")).isEqualTo("+15551234567");
      assertThat(row.getString("from")).as("the caller id the callee sees").isEqualTo("+15550000000");
      assertThat(row.getString("operationContext")).isEqualTo("console");
      JsonObject request = feed.item("request", "POST").data();
      assertThat(request.getString("callConnectionId")).isEqualTo(id);
      assertThat(request.getString("summary")).contains("/calling/callConnections").endsWith("201");
      assertThat(request.getJsonObject("detail").getString("kind")).isEqualTo("request");

      emu.advance(500);
      JsonObject connected = feed.item("call", "CallConnected").data();
      assertThat(connected.getString("callConnectionId")).isEqualTo(id);
      assertThat(connected.getString("status")).isEqualTo("ok");
      // The ring timer fired: the clock moved and the tab hears of it.
      assertThat(feed.next("clock").data().getLong("nowMillis"))
          .isEqualTo(hello.data().getJsonObject("clock").getLong("nowMillis") + 500);
      JsonObject callback = feed.next(f -> "item".equals(f.event()) && "CallConnected".equals(f.data().getString("type"))
          && "callback".equals(f.data().getString("source")) && "ok".equals(f.data().getString("status")), 10).data();
      assertThat(fields(callback)).contains("delivery=delivered after 1 attempt");
      assertThat(callback.getLong("journalSeq")).isPositive();

      // The caller's key, and the row that changed with it.
      emu.control("POST", "/_emulator/calls/" + id + "/dtmf", new JsonObject().put("tones", "5"));
      JsonObject tone = feed.item("input", "tone").data();
      assertThat(tone.getString("summary")).isEqualTo("pressed 5");
      assertThat(fields(tone)).contains("participant=4:+15551234567");
    }
  }

  @Test
  void aCallsTimelineHoldsWhatHappenedBeforeAnyTabOpenedWithTheTimersOfItsMedia(Vertx vertx) {
    try (Harness emu = Harness.start(); CallbackReceiver app = CallbackReceiver.start(vertx)) {
      String id = emu.createCall(app.url("/cb"), null);
      emu.advance(500);
      JsonObject target = new JsonObject().put("rawId", "4:+15551234567")
          .put("phoneNumber", new JsonObject().put("value", "+15551234567"));
      JsonObject recognize = new JsonObject().put("recognizeInputType", "dtmf").put("operationContext", "pin")
          .put("playPrompt", new JsonObject().put("kind", "text").put("text", new JsonObject().put("text", "Enter your pin")))
          .put("recognizeOptions", new JsonObject().put("targetParticipant", target).put("interruptPrompt", true)
              .put("initialSilenceTimeoutInSeconds", 5).put("dtmfOptions", new JsonObject().put("maxTonesToCollect", 2)
                  .put("interToneTimeoutInSeconds", 3)));
      assertThat(emu.acs("POST", "/calling/callConnections/" + id + ":recognize?api-version=" + Harness.JS_API, recognize)
          .status()).isEqualTo(202);
      emu.control("POST", "/_emulator/calls/" + id + "/dtmf", new JsonObject().put("tones", "4"));
      emu.advance(0);

      Harness.Response r = emu.control("GET", "/_emulator/calls/" + id + "/timeline", null);
      assertThat(r.status()).isEqualTo(200);
      JsonObject t = r.json();
      List<String> kinds = new ArrayList<>();
      t.getJsonArray("items").forEach(o -> kinds.add(((JsonObject) o).getString("source") + ":"
          + ((JsonObject) o).getString("type")));
      // In the order the core published them: the prompt starts while the recognize is queued, and the
      // key comes before the barge-in it caused.
      assertThat(kinds).containsSubsequence("call:CallConnected", "media:PlayStarted", "operation:recognize",
          "input:tone", "media:PlayCanceled");
      assertThat(kinds).contains("callback:CallConnected", "request:POST");
      JsonArray items = t.getJsonArray("items");
      for (int i = 1; i < items.size(); i++) {
        assertThat(items.getJsonObject(i).getLong("seq")).isGreaterThan(items.getJsonObject(i - 1).getLong("seq"));
      }
      // The recognize now waits for the second key: the inter-tone timer with its length.
      JsonObject op = t.getJsonObject("call").getJsonArray("operations").getJsonObject(0);
      assertThat(op.getString("operationContext")).isEqualTo("pin");
      assertThat(op.getLong("initialSilenceMs")).isEqualTo(5_000);
      JsonObject timer = op.getJsonArray("timers").getJsonObject(0);
      assertThat(timer.getString("name")).isEqualTo("interTone");
      assertThat(timer.getLong("lengthMs")).isEqualTo(3_000);
      assertThat(op.getLong("promptStartedAt")).isNotNull();
      assertThat(t.getBoolean("truncated")).isFalse();

      Harness.Response unknown = emu.control("GET", "/_emulator/calls/nope/timeline", null);
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.errorCode()).isEqualTo("CallNotFound");
    }
  }

  @Test
  void withAControlTokenTheFeedNeedsTheBearerHeaderWhileThePageItselfNeedsNothing() throws Exception {
    try (Harness emu = Harness.start(c -> c.withControlToken("s3cret"))) {
      String base = emu.callemu().httpUrl();
      try (FeedStream none = new FeedStream(base, Map.of())) {
        assertThat(none.status()).isEqualTo(401);
      }
      try (FeedStream wrong = new FeedStream(base, Map.of("Authorization", "Bearer nope"))) {
        assertThat(wrong.status()).isEqualTo(401);
      }
      // No token in the query or a cookie: the header is the only way, as for the whole control API.
      for (String path : List.of("/_emulator/feed?token=s3cret", "/_emulator/feed?access_token=s3cret")) {
        assertThat(emu.control("GET", path, null).status()).isEqualTo(401);
      }
      assertThat(emu.control("GET", "/_emulator/feed", null, Map.of("Cookie", "token=s3cret")).status()).isEqualTo(401);
      assertThat(emu.control("GET", "/_emulator/calls/x/timeline", null).status()).isEqualTo(401);
      try (FeedStream ok = new FeedStream(base, Map.of("Authorization", "Bearer s3cret"))) {
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.next("hello").data().getJsonArray("calls")).isEmpty();
      }
      Harness.Response page = emu.control("GET", "/_emulator/ui", null);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.header("Content-Type")).startsWith("text/html");
      assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'").contains("connect-src 'self'");
      assertThat(page.body()).contains("<title>callemu console</title>").doesNotContain("src=\"http").doesNotContain("href=\"http");
      for (String asset : List.of("console.js", "api.js", "feed.js", "calls.js", "call.js", "views.js", "format.js")) {
        Harness.Response js = emu.control("GET", "/_emulator/ui/" + asset, null);
        assertThat(js.status()).as(asset).isEqualTo(200);
        assertThat(js.header("Content-Type")).startsWith("text/javascript");
        // Served as written: the build must not filter the scripts' own ${...} template literals.
        assertThat(js.body()).as(asset).isEqualTo(Files.readString(UI_SOURCES.resolve(asset)));
      }
      Harness.Response css = emu.control("GET", "/_emulator/ui/console.css", null);
      assertThat(css.header("Content-Type")).startsWith("text/css");
      assertThat(emu.control("GET", "/_emulator/ui/console.css", null, Map.of("If-None-Match", css.header("ETag")))
          .status()).isEqualTo(304);
      // Only the listed assets: anything else is the control API's (token first, then 404).
      assertThat(emu.control("GET", "/_emulator/ui/../calls", null).status()).isEqualTo(401);
      assertThat(emu.control("GET", "/_emulator/ui/secret.js", null, Map.of("Authorization", "Bearer s3cret"))
          .status()).isEqualTo(404);
    }
  }

  @Test
  void aResetEndsEveryStreamWithAResetMessageAndTheNextHelloIsEmpty(Vertx vertx) throws Exception {
    try (Harness emu = Harness.start(); CallbackReceiver app = CallbackReceiver.start(vertx);
        FeedStream feed = new FeedStream(emu.callemu().httpUrl(), Map.of())) {
      feed.next("hello");
      String id = emu.createCall(app.url("/cb"), null);
      feed.next(f -> "call".equals(f.event()), 10);
      assertThat(emu.control("POST", "/_emulator/reset", null).status()).isEqualTo(204);
      FeedStream.Frame reset = feed.next(f -> "reset".equals(f.event()) || f == FeedStream.END, 10);
      assertThat(reset.event()).isEqualTo("reset");
      assertThat(feed.next(f -> false, 10)).isSameAs(FeedStream.END);
      try (FeedStream again = new FeedStream(emu.callemu().httpUrl(), Map.of())) {
        assertThat(again.next("hello").data().getJsonArray("calls")).isEmpty();
      }
      assertThat(emu.control("GET", "/_emulator/calls/" + id + "/timeline", null).status()).isEqualTo(404);
    }
  }

  @Test
  void atMostThirtyTwoTabsReadAtOnceAndATabThatLeftMakesRoom() throws Exception {
    try (Harness emu = Harness.start()) {
      String base = emu.callemu().httpUrl();
      List<FeedStream> tabs = new ArrayList<>();
      try {
        for (int i = 0; i < ConsoleFeed.MAX_TABS; i++) {
          FeedStream tab = new FeedStream(base, Map.of());
          tabs.add(tab);
          assertThat(tab.status()).isEqualTo(200);
          tab.next("hello");
        }
        Harness.Response refused = emu.control("GET", "/_emulator/feed", null);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.errorCode()).isEqualTo("TooManyConsoles");
        tabs.remove(0).close();
        // The server notices the closed connection on its own time: a later tab gets in.
        boolean admitted = false;
        for (int attempt = 0; attempt < 50 && !admitted; attempt++) {
          FeedStream tab = new FeedStream(base, Map.of());
          if (tab.status() == 200) {
            tabs.add(tab);
            admitted = true;
          } else {
            tab.close();
            emu.advance(0);
          }
        }
        assertThat(admitted).isTrue();
      } finally {
        for (FeedStream t : tabs) {
          t.close();
        }
      }
    }
  }

  private static List<String> fields(JsonObject item) {
    List<String> out = new ArrayList<>();
    item.getJsonArray("fields").forEach(f -> out.add(((JsonArray) f).getString(0) + "=" + ((JsonArray) f).getString(1)));
    return out;
  }
}
