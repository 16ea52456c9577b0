package io.callemu.emulator.surface.graph;

import io.callemu.dtmf.DtmfTone;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.Requester;
import io.callemu.emulator.core.media.MediaService;
import io.callemu.emulator.core.media.OperationRef;
import io.callemu.emulator.core.media.OperationSnapshot;
import io.callemu.emulator.core.media.PlaySource;
import io.callemu.emulator.core.media.RecordSpec;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.http.JsonReader;
import io.callemu.emulator.platform.http.RequestOrigin;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The media actions of the Graph surface (reference graph-and-speech.md A7–A10): recordResponse,
 * playPrompt, subscribeToTone and cancelMediaProcessing, and the operations a call holds. Each
 * request is validated completely — 400 {@code BadRequest} naming the field, nothing started —
 * before the {@link MediaService} is told; each answers 200 with the operation and its
 * {@code Location}.
 */
final class GraphMedia {

  static final int MAX_CLIENT_CONTEXT = 256;
  static final int MAX_RECORD_PROMPTS = 1;
  static final int MAX_PLAY_PROMPTS = 20;
  /** Every recordResponse timer is 1–120 s, 5 s unless given (A7.1). */
  static final int MIN_TIMER_S = 1;
  static final int MAX_TIMER_S = 120;
  static final int DEFAULT_TIMER_S = 5;
  static final int MAX_STOP_TONES = 16;

  private final MediaService media;

  GraphMedia(MediaService media) {
    this.media = media;
  }

  HttpReply recordResponse(RoutingContext ctx, Call call) {
    JsonReader f = GraphCalls.body(ctx);
    List<PlaySource> prompts = prompts(f, MAX_RECORD_PROMPTS, false);
    boolean bargeIn = f.optBoolean("bargeInAllowed", false);
    int initial = f.optInt("initialSilenceTimeoutInSeconds", MIN_TIMER_S, MAX_TIMER_S, DEFAULT_TIMER_S);
    int maxSilence = f.optInt("maxSilenceTimeoutInSeconds", MIN_TIMER_S, MAX_TIMER_S, DEFAULT_TIMER_S);
    int maxRecord = f.optInt("maxRecordDurationInSeconds", MIN_TIMER_S, MAX_TIMER_S, DEFAULT_TIMER_S);
    boolean beep = f.optBoolean("playBeep", true);
    Set<DtmfTone> stopTones = stopTones(f);
    // Accepted and ignored: the legacy beta streaming switch; recordings are always WAV.
    f.optBoolean("streamWhileRecording");
    String format = f.optString("recordingFormat");
    if (format != null && !format.equalsIgnoreCase("wav")) {
      throw f.invalid("recordingFormat", "must be wav, got '" + format + "'");
    }
    Requester requester = requester(ctx, f);
    RecordSpec spec = new RecordSpec(prompts.isEmpty() ? null : prompts.get(0), bargeIn, initial * 1000L,
        maxSilence * 1000L, maxRecord * 1000L, beep, stopTones);
    OperationRef op = media.recordResponse(call, spec, requester, f.plainFields());
    return started(ctx, call, GraphResources.operation("#microsoft.graph.recordOperation", op.id(), "running",
        requester.context(), GraphRoutes.isBeta(ctx)), op.id());
  }

  HttpReply playPrompt(RoutingContext ctx, Call call) {
    JsonReader f = GraphCalls.body(ctx);
    List<PlaySource> prompts = prompts(f, MAX_PLAY_PROMPTS, true);
    boolean loop = f.optBoolean("loop", false);
    Requester requester = requester(ctx, f);
    OperationRef op = media.playPrompt(call, prompts, loop, requester, f.plainFields());
    return started(ctx, call, GraphResources.operation("#microsoft.graph.playPromptOperation", op.id(), "running",
        requester.context(), GraphRoutes.isBeta(ctx)), op.id());
  }

  /**
   * Subscribes the bot to the caller's keys: each comes as a call update with {@code toneInfo}. A
   * second subscription keeps the first (and its sequence ids).
   */
  HttpReply subscribeToTone(RoutingContext ctx, Call call) {
    JsonReader f = GraphCalls.body(ctx);
    Requester requester = requester(ctx, f);
    if (media.snapshot(call).continuousDtmf() == null) {
      media.startContinuousDtmf(call, call.remoteParty().rawId(), requester, true);
    }
    String id = UUID.randomUUID().toString();
    return started(ctx, call, GraphResources.operation("#microsoft.graph.subscribeToToneOperation", id,
        "completed", requester.context(), false), id);
  }

  /** Cancels the running and every queued media operation (each gets its notification); tones stay subscribed. */
  HttpReply cancelMediaProcessing(RoutingContext ctx, Call call) {
    JsonReader f = GraphCalls.body(ctx);
    Requester requester = requester(ctx, f);
    media.cancelAll(call);
    String id = UUID.randomUUID().toString();
    return started(ctx, call, GraphResources.operation("#microsoft.graph.cancelMediaProcessingOperation", id,
        "completed", requester.context(), false), id);
  }

  /** {@code GET …/operations/{id}}: an operation the call runs or has queued. */
  HttpReply operation(RoutingContext ctx, Call call) {
    String id = ctx.pathParam("opId");
    for (OperationSnapshot op : media.snapshot(call).operations()) {
      if (op.operation().id().equals(id)) {
        return HttpReply.json(200, GraphResources.operation(GraphResources.operationType(op.operation().kind()),
            id, op.running() ? "running" : "notStarted", op.operation().requester().context(),
            GraphRoutes.isBeta(ctx)));
      }
    }
    throw GraphErrors.operationNotFound(id);
  }

  /** 200 with the operation and its {@code Location} under the call's path as the request wrote it. */
  private static HttpReply started(RoutingContext ctx, Call call, io.vertx.core.json.JsonObject operation,
      String id) {
    String path = ctx.request().path();
    String callPath = path.substring(0, path.indexOf("/" + call.id()) + call.id().length() + 1);
    return HttpReply.json(200, operation)
        .with("Location", RequestOrigin.of(ctx.request()) + callPath + "/operations/" + id);
  }

  private static Requester requester(RoutingContext ctx, JsonReader f) {
    return new Requester(f.optString("clientContext", MAX_CLIENT_CONTEXT), null, RequestOrigin.of(ctx.request()));
  }

  /** {@code prompts}: mediaPrompts with a mediaInfo each, file prompts played like ACS file sources. */
  private static List<PlaySource> prompts(JsonReader f, int max, boolean required) {
    List<PlaySource> out = new ArrayList<>();
    if (!required && !f.has("prompts")) {
      return out;
    }
    for (JsonReader p : f.requireObjects("prompts", !required, max, max == 1 ? "prompt" : "prompts")) {
      String type = p.optString("@odata.type");
      if (type != null && !type.equals("#microsoft.graph.mediaPrompt")) {
        throw p.invalid("@odata.type", "must be #microsoft.graph.mediaPrompt, got '" + type + "'");
      }
      JsonReader info = p.requireObject("mediaInfo");
      out.add(PlaySource.file(mediaUri(info)));
      info.optString("resourceId");
    }
    return out;
  }

  /** A mediaInfo's {@code uri}: an absolute URI (a WAV file, 16 kHz 16-bit mono, in the cloud). */
  static String mediaUri(JsonReader info) {
    String uri = info.requireString("uri");
    try {
      if (new URI(uri).getScheme() == null) {
        throw new URISyntaxException(uri, "no scheme");
      }
    } catch (URISyntaxException e) {
      throw info.invalid("uri", "must be an absolute URI, got '" + uri + "'");
    }
    return uri;
  }

  /** {@code stopTones}: keys as one-character strings ({@code "#"}, {@code "*"}, {@code "0"}…{@code "9"}). */
  private static Set<DtmfTone> stopTones(JsonReader f) {
    JsonArray list = f.optArray("stopTones");
    Set<DtmfTone> tones = new LinkedHashSet<>();
    if (list == null) {
      return tones;
    }
    if (list.size() > MAX_STOP_TONES) {
      throw f.invalid("stopTones", "may hold at most " + MAX_STOP_TONES + " keys");
    }
    for (int i = 0; i < list.size(); i++) {
      if (!(list.getValue(i) instanceof String key) || key.length() != 1) {
        throw f.invalid("stopTones[" + i + "]", "must be one key such as \"#\", \"*\" or \"1\"");
      }
      try {
        tones.add(DtmfTone.fromKey(key.charAt(0)));
      } catch (IllegalArgumentException e) {
        throw f.invalid("stopTones[" + i + "]", "must be one key such as \"#\", \"*\" or \"1\", got '" + key + "'");
      }
    }
    return tones;
  }
}
