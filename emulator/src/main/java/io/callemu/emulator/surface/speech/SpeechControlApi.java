package io.callemu.emulator.surface.speech;

import static io.callemu.emulator.platform.http.RequestPipeline.answer;

import io.callemu.emulator.core.outcome.InvalidRequest;
import io.callemu.emulator.core.outcome.MalformedBody;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.surface.control.ControlExtension;
import io.callemu.emulator.surface.control.ScenarioSection;
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
 * The Speech surface's control routes: {@code POST /_emulator/speech/transcripts} registers what
 * callers say ({@code {"text", "pcmSha256"?}} or an array of them), {@code GET} lists them and
 * {@code DELETE} clears them; a scenario's top-level {@code speechTranscripts} registers them too.
 */
public final class SpeechControlApi implements ControlExtension {

  /** The routes' path below {@code /_emulator}. */
  static final String PATH = "/speech/transcripts";
  /** The scenario member that holds transcripts. */
  public static final String SCENARIO_SECTION = "speechTranscripts";

  private final SpeechTranscripts transcripts;

  public SpeechControlApi(SpeechTranscripts transcripts) {
    this.transcripts = transcripts;
  }

  /** Lets scenario documents carry {@code speechTranscripts}, registered as if posted. */
  ScenarioSection scenarioSection() {
    return (value, path) -> {
      List<Transcript> list = TranscriptJson.read(value, path);
      transcripts.checkRoomFor(list);
      return () -> transcripts.addAll(list);
    };
  }

  @Override
  public void mount(Router router) {
    router.get(PATH).handler(answer(this::list));
    router.post(PATH).handler(answer(this::add));
    router.delete(PATH).handler(answer(ctx -> {
      transcripts.clear();
      return HttpReply.empty(204);
    }));
  }

  @Override
  public void reset() {
    transcripts.clear();
  }

  private HttpReply list(RoutingContext ctx) {
    JsonArray out = new JsonArray();
    transcripts.list().forEach(t -> out.add(TranscriptJson.toJson(t)));
    return HttpReply.json(200, new JsonObject().put("transcripts", out));
  }

  private HttpReply add(RoutingContext ctx) {
    Object body;
    try {
      body = ctx.body() == null || ctx.body().length() == 0 ? null : Json.decodeValue(ctx.body().buffer());
    } catch (DecodeException e) {
      throw new MalformedBody(MalformedBody.Problem.NOT_JSON, "the body is not valid JSON");
    }
    try {
      List<Transcript> list = TranscriptJson.read(body, "body");
      transcripts.addAll(list);
      JsonArray added = new JsonArray();
      list.forEach(t -> added.add(TranscriptJson.toJson(t)));
      return HttpReply.json(201, new JsonObject().put("added", added).put("registered", transcripts.list().size()));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(e.getMessage());
    }
  }
}
