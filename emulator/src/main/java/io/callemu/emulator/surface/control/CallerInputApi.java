package io.callemu.emulator.surface.control;

import io.callemu.dtmf.DtmfTone;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.call.CallState;
import io.callemu.emulator.core.call.Identifier;
import io.callemu.emulator.core.media.CallerAudio;
import io.callemu.emulator.core.media.MediaService;
import io.callemu.emulator.core.media.Phrases;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The remote party's input through the control API (CONTRACT section 3): {@code POST
 * /_emulator/calls/{id}/dtmf} and {@code /speech}. Keys become RFC 4733 packets that go through the
 * call's decoder like RTP from outside; speech goes to the simulated recognizer. Answers 202 with
 * when the input happens on the emulated clock.
 */
final class CallerInputApi {

  static final int MAX_TONES = 100;
  static final int MAX_TONE_MS = 10_000;
  static final int MAX_GAP_MS = 60_000;
  static final long MAX_DELAY_MS = 86_400_000L;
  static final long MAX_SPEECH_MS = 600_000L;
  static final int MAX_TEXT_CHARS = 10_000;

  private final CallService calls;
  private final MediaService media;

  CallerInputApi(CallService calls, MediaService media) {
    this.calls = calls;
    this.media = media;
  }

  void dtmf(RoutingContext ctx) {
    Call call = connectedCall(ctx);
    JsonObject body = call == null ? null : ControlApi.bodyObject(ctx);
    if (body == null) {
      return;
    }
    try {
      List<DtmfTone> tones = tones(body.getValue("tones"));
      int toneMs = (int) whole(body, "toneMs", 100, 1, MAX_TONE_MS);
      int gapMs = (int) whole(body, "gapMs", 150, 0, MAX_GAP_MS);
      long delayMs = whole(body, "delayMs", 0, 0, MAX_DELAY_MS);
      String participant = participant(call, body);
      long startsAt = calls.clock().nowMillis() + delayMs;
      long endsAt = media.pressKeys(call, participant, tones, toneMs, gapMs, delayMs);
      JsonArray names = new JsonArray();
      tones.forEach(t -> names.add(t.acsName()));
      ControlApi.ok(ctx, 202, new JsonObject().put("tones", names).put("participant", participant)
          .put("startsAt", Instant.ofEpochMilli(startsAt).toString())
          .put("endsAt", Instant.ofEpochMilli(endsAt).toString()));
    } catch (IllegalArgumentException e) {
      ControlApi.fail(ctx, 400, "InvalidArgument", e.getMessage());
    }
  }

  void speech(RoutingContext ctx) {
    Call call = connectedCall(ctx);
    JsonObject body = call == null ? null : ControlApi.bodyObject(ctx);
    if (body == null) {
      return;
    }
    try {
      Object text = body.getValue("text");
      if (!(text instanceof String t) || t.length() > MAX_TEXT_CHARS) {
        throw new IllegalArgumentException("text is required: what the caller says (at most "
            + MAX_TEXT_CHARS + " characters; \"\" is speech without words)");
      }
      long delayMs = whole(body, "delayMs", 0, 0, MAX_DELAY_MS);
      long durationMs = whole(body, "durationMs", Phrases.speakingMillis(t), 1, MAX_SPEECH_MS);
      Object confidence = body.getValue("confidence", 0.9);
      if (!(confidence instanceof Number c) || c.doubleValue() < 0 || c.doubleValue() > 1) {
        throw new IllegalArgumentException("confidence must be a number from 0 to 1");
      }
      String participant = participant(call, body);
      media.say(call, participant, Phrases.of(t, ((Number) confidence).doubleValue(), "en-US", durationMs),
          delayMs, durationMs);
      long start = calls.clock().nowMillis() + delayMs;
      ControlApi.ok(ctx, 202, new JsonObject().put("text", t).put("participant", participant)
          .put("startsAt", Instant.ofEpochMilli(start).toString())
          .put("endsAt", Instant.ofEpochMilli(start + durationMs).toString()));
    } catch (IllegalArgumentException e) {
      ControlApi.fail(ctx, 400, "InvalidArgument", e.getMessage());
    }
  }

  /**
   * {@code POST /audio?text=...&delayMs=0&participant=...}: a WAV body whose voice activity drives
   * the timers; analysed off the event loop.
   */
  void audio(RoutingContext ctx) {
    Call call = connectedCall(ctx);
    if (call == null) {
      return;
    }
    String text;
    long delayMs;
    String participant;
    try {
      text = ctx.request().getParam("text", "");
      if (text.length() > MAX_TEXT_CHARS) {
        throw new IllegalArgumentException("text may hold at most " + MAX_TEXT_CHARS + " characters");
      }
      JsonObject query = new JsonObject();
      String delay = ctx.request().getParam("delayMs");
      if (delay != null) {
        try {
          query.put("delayMs", Long.parseLong(delay));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("delayMs must be a whole number");
        }
      }
      if (ctx.request().getParam("participant") != null) {
        query.put("participant", ctx.request().getParam("participant"));
      }
      delayMs = whole(query, "delayMs", 0, 0, MAX_DELAY_MS);
      participant = participant(call, query);
    } catch (IllegalArgumentException e) {
      ControlApi.fail(ctx, 400, "InvalidArgument", e.getMessage());
      return;
    }
    if (ctx.body() == null || ctx.body().length() == 0) {
      ControlApi.fail(ctx, 400, "InvalidArgument", "the body must be a WAV file (PCM, 8 or 16 kHz)");
      return;
    }
    byte[] wav = ctx.body().buffer().getBytes();
    long segmentation = media.segmentationSilenceMs();
    ctx.vertx().executeBlocking(() -> CallerAudio.utterances(wav, text, segmentation), false).onComplete(ar -> {
      if (ar.failed()) {
        ControlApi.fail(ctx, 400, "InvalidAudio", "the body is no readable WAV file: " + ar.cause().getMessage());
        return;
      }
      if (!call.isActive()) {
        ControlApi.fail(ctx, 409, "CallEnded", "call " + call.callConnectionId() + " ended meanwhile");
        return;
      }
      media.sayAudio(call, participant, ar.result(), 0.9, delayMs);
      long now = calls.clock().nowMillis() + delayMs;
      JsonArray list = new JsonArray();
      ar.result().forEach(u -> list.add(new JsonObject().put("startsAt", Instant.ofEpochMilli(now + u.startMs()).toString())
          .put("endsAt", Instant.ofEpochMilli(now + u.endMs()).toString()).put("text", u.text())));
      ControlApi.ok(ctx, 202, new JsonObject().put("participant", participant).put("utterances", list));
    });
  }

  /** The call named in the path if it is connected; otherwise answers 404/409 and returns null. */
  Call connectedCall(RoutingContext ctx) {
    Call call = calls.find(ctx.pathParam("id"));
    if (call == null) {
      ControlApi.fail(ctx, 404, "CallNotFound", "no call " + ctx.pathParam("id"));
      return null;
    }
    if (call.state() != CallState.CONNECTED) {
      ControlApi.fail(ctx, 409, call.isActive() ? "CallNotConnected" : "CallEnded",
          "call " + call.callConnectionId() + " is " + call.state().wire() + "; input needs a connected call");
      return null;
    }
    return call;
  }

  /** {@code "12#*A"} or {@code ["one","pound"]} (CONTRACT section 3). */
  static List<DtmfTone> tones(Object value) {
    List<DtmfTone> tones = new ArrayList<>();
    if (value instanceof String keys) {
      tones.addAll(DtmfTone.parseKeys(keys));
    } else if (value instanceof JsonArray names) {
      for (int i = 0; i < names.size(); i++) {
        if (!(names.getValue(i) instanceof String name)) {
          throw new IllegalArgumentException("tones[" + i + "] must be a tone name such as \"pound\"");
        }
        tones.add(DtmfTone.fromAcsName(name));
      }
    }
    if (tones.isEmpty() || tones.size() > MAX_TONES) {
      throw new IllegalArgumentException("tones is required: keys like \"12#\" or ACS names like "
          + "[\"one\",\"pound\"], 1 to " + MAX_TONES + " of them");
    }
    return tones;
  }

  static long whole(JsonObject body, String field, long fallback, long min, long max) {
    Object v = body.getValue(field);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < min
        || ((Number) v).longValue() > max) {
      throw new IllegalArgumentException(field + " must be a whole number from " + min + " to " + max);
    }
    return ((Number) v).longValue();
  }

  /** The participant the input comes from: given by raw id or phone number, else the remote party. */
  static String participant(Call call, JsonObject body) {
    Object v = body.getValue("participant");
    if (v == null) {
      return call.remoteParty().rawId();
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("participant must be a raw id (\"4:+1555...\", \"8:acs:...\") or a phone number");
    }
    String rawId = s.startsWith("+") ? Identifier.phoneNumber(s).rawId() : s;
    if (call.participant(rawId) == null) {
      throw new IllegalArgumentException("participant " + rawId + " is not in call " + call.callConnectionId());
    }
    return rawId;
  }
}
