package io.callemu.emulator.surface.speech;

import io.callemu.emulator.control.ControlApi;
import io.callemu.emulator.control.ControlSurface;
import io.callemu.emulator.scenario.Scenarios;
import io.callemu.emulator.surface.speech.recognition.SpeechTranscripts;
import io.callemu.emulator.surface.speech.recognition.Transcript;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The Speech surface's control routes (CONTRACT section 7): {@code POST /_emulator/speech/transcripts}
 * registers what callers say ({@code {"text", "pcmSha256"?}} or an array of them), {@code GET} lists them
 * and {@code DELETE} clears them; a scenario's top-level {@code speechTranscripts} registers them too.
 */
public final class SpeechControlApi implements ControlSurface {

  static final String PATH = "/_emulator/speech/transcripts";
  /** The scenario member that holds transcripts. */
  public static final String SCENARIO_SECTION = "speechTranscripts";

  private final SpeechTranscripts transcripts;

  public SpeechControlApi(SpeechTranscripts transcripts) {
    this.transcripts = transcripts;
  }

  /** Lets scenario documents carry {@code speechTranscripts}, registered as if posted. */
  public static void readScenarios(Scenarios scenarios, SpeechTranscripts transcripts) {
    scenarios.section(SCENARIO_SECTION, (value, path) -> {
      List<Transcript> list = TranscriptJson.read(value, path);
      transcripts.checkRoomFor(list);
      return () -> transcripts.addAll(list);
    });
  }

  @Override
  public void mount(Router router) {
    router.get(PATH).handler(this::list);
    router.post(PATH).handler(this::add);
    router.delete(PATH).handler(ctx -> {
      transcripts.clear();
      ctx.response().setStatusCode(204).end();
    });
  }

  @Override
  public void reset() {
    transcripts.clear();
  }

  private void list(RoutingContext ctx) {
    JsonArray out = new JsonArray();
    transcripts.list().forEach(t -> out.add(TranscriptJson.toJson(t)));
    ControlApi.ok(ctx, 200, new JsonObject().put("transcripts", out));
  }

  private void add(RoutingContext ctx) {
    Object body;
    try {
      body = ctx.body() == null || ctx.body().length() == 0 ? null : Json.decodeValue(ctx.body().buffer());
    } catch (DecodeException e) {
      ControlApi.fail(ctx, 400, "InvalidJson", "the body is not valid JSON");
      return;
    }
    try {
      List<Transcript> list = TranscriptJson.read(body, "body");
      transcripts.addAll(list);
      JsonArray added = new JsonArray();
      list.forEach(t -> added.add(TranscriptJson.toJson(t)));
      ControlApi.ok(ctx, 201, new JsonObject().put("added", added).put("registered", transcripts.list().size()));
    } catch (IllegalArgumentException e) {
      ControlApi.fail(ctx, 400, "InvalidArgument", e.getMessage());
    }
  }
}
