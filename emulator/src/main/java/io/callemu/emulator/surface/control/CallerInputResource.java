package io.callemu.emulator.surface.control;

import static io.callemu.emulator.surface.control.ControlReplies.iso;

import io.callemu.dtmf.DtmfTone;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallState;
import io.callemu.emulator.core.caller.CallerActions;
import io.callemu.emulator.core.outcome.InvalidRequest;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.http.JsonReader;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The remote party's input (CONTRACT section 3): {@code POST /_emulator/calls/{id}/dtmf},
 * {@code /speech} and {@code /audio}, through {@link CallerActions}. Answers 202 with when the input
 * happens on the emulated clock.
 */
final class CallerInputResource {

  static final int MAX_TONES = 100;
  static final int MAX_TONE_MS = 10_000;
  static final int MAX_GAP_MS = 60_000;
  static final long MAX_DELAY_MS = 86_400_000L;
  static final long MAX_SPEECH_MS = 600_000L;
  static final int MAX_TEXT_CHARS = 10_000;

  private final CallsResource calls;
  private final CallerActions caller;

  CallerInputResource(CallsResource calls, CallerActions caller) {
    this.calls = calls;
    this.caller = caller;
  }

  HttpReply dtmf(RoutingContext ctx) {
    Call call = connected(ctx);
    JsonReader body = ControlReplies.body(ctx);
    List<DtmfTone> tones = tones(body.json().getValue("tones"));
    int toneMs = body.optInt("toneMs", 1, MAX_TONE_MS, CallerActions.DEFAULT_TONE_MS);
    int gapMs = body.optInt("gapMs", 0, MAX_GAP_MS, CallerActions.DEFAULT_GAP_MS);
    long delayMs = body.optLong("delayMs", 0, MAX_DELAY_MS, 0);
    String participant = caller.participant(call, body.optString("participant"));
    CallerActions.Span span = caller.pressKeys(call, participant, tones, toneMs, gapMs, delayMs);
    JsonArray names = new JsonArray();
    tones.forEach(t -> names.add(t.isKey() ? t.acsName() : t.graphName()));
    return HttpReply.json(202, new JsonObject().put("tones", names).put("participant", participant)
        .put("startsAt", iso(span.startsAt())).put("endsAt", iso(span.endsAt())));
  }

  HttpReply speech(RoutingContext ctx) {
    Call call = connected(ctx);
    JsonReader body = ControlReplies.body(ctx);
    if (!(body.json().getValue("text") instanceof String text) || text.length() > MAX_TEXT_CHARS) {
      throw new InvalidRequest("text is required: what the caller says (at most " + MAX_TEXT_CHARS
          + " characters; \"\" is speech without words)");
    }
    long delayMs = body.optLong("delayMs", 0, MAX_DELAY_MS, 0);
    Long durationMs = body.has("durationMs") ? body.optLong("durationMs", 1, MAX_SPEECH_MS, 0) : null;
    double confidence = body.optDouble("confidence", 0, 1, CallerActions.DEFAULT_CONFIDENCE);
    String participant = caller.participant(call, body.optString("participant"));
    CallerActions.Span span = caller.say(call, participant, text, delayMs, durationMs, confidence);
    return HttpReply.json(202, new JsonObject().put("text", text).put("participant", participant)
        .put("startsAt", iso(span.startsAt())).put("endsAt", iso(span.endsAt())));
  }

  /**
   * {@code POST /audio?text=...&delayMs=0&participant=...}: a WAV body whose voice activity drives
   * the timers; analysed off the event loop.
   */
  Future<HttpReply> audio(RoutingContext ctx) {
    Call call = connected(ctx);
    String text = ctx.request().getParam("text", "");
    if (text.length() > MAX_TEXT_CHARS) {
      throw new InvalidRequest("text may hold at most " + MAX_TEXT_CHARS + " characters");
    }
    long delayMs = wholeParam(ctx, "delayMs");
    String participant = caller.participant(call, ctx.request().getParam("participant"));
    if (ctx.body() == null || ctx.body().length() == 0) {
      throw new InvalidRequest("the body must be a WAV file (PCM, 8 or 16 kHz)");
    }
    byte[] wav = ctx.body().buffer().getBytes();
    return caller.playAudio(call, participant, wav, text, CallerActions.DEFAULT_CONFIDENCE, delayMs)
        .recover(e -> Future.failedFuture(new ControlError(400, "InvalidAudio",
            "the body is no readable WAV file: " + e.getMessage())))
        .map(utterances -> {
          if (!call.isActive()) {
            throw new ControlError(409, "CallEnded", "call " + call.id() + " ended meanwhile");
          }
          JsonArray list = new JsonArray();
          utterances.forEach(u -> list.add(new JsonObject().put("startsAt", iso(u.startsAt()))
              .put("endsAt", iso(u.endsAt())).put("text", u.text())));
          return HttpReply.json(202, new JsonObject().put("participant", participant).put("utterances", list));
        });
  }

  private static long wholeParam(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    if (value == null) {
      return 0;
    }
    long n;
    try {
      n = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidRequest(name + " must be a whole number");
    }
    if (n < 0 || n > MAX_DELAY_MS) {
      throw new InvalidRequest(name + " must be a whole number from 0 to " + MAX_DELAY_MS);
    }
    return n;
  }

  private static DtmfTone acsOrGraphName(String name) {
    try {
      return DtmfTone.fromAcsName(name);
    } catch (IllegalArgumentException notAcs) {
      try {
        return DtmfTone.fromGraphName(name);
      } catch (IllegalArgumentException notGraph) {
        throw notAcs;
      }
    }
  }

  /** The call named in the path if it is connected; otherwise 404/409. */
  private Call connected(RoutingContext ctx) {
    Call call = calls.find(ctx);
    if (call.state() != CallState.CONNECTED) {
      throw new ControlError(409, call.isActive() ? "CallNotConnected" : "CallEnded",
          "call " + call.id() + " is " + call.state().name().toLowerCase(Locale.ROOT)
              + "; input needs a connected call");
    }
    return call;
  }

  /**
   * {@code "12#*A"} or {@code ["one","pound"]} (CONTRACT section 3); Graph's names ({@code "tone1"},
   * {@code "flash"} for a hook flash) are taken in the array too.
   */
  static List<DtmfTone> tones(Object value) {
    List<DtmfTone> tones = new ArrayList<>();
    try {
      if (value instanceof String keys) {
        tones.addAll(DtmfTone.parseKeys(keys));
      } else if (value instanceof JsonArray names) {
        for (int i = 0; i < names.size(); i++) {
          if (!(names.getValue(i) instanceof String name)) {
            throw new InvalidRequest("tones[" + i + "] must be a tone name such as \"pound\"");
          }
          tones.add(acsOrGraphName(name));
        }
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(e.getMessage());
    }
    if (tones.isEmpty() || tones.size() > MAX_TONES) {
      throw new InvalidRequest("tones is required: keys like \"12#\" or ACS names like "
          + "[\"one\",\"pound\"], 1 to " + MAX_TONES + " of them");
    }
    return tones;
  }
}
