package io.callemu.emulator.core.caller;

import io.callemu.dtmf.DtmfTone;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.media.MediaService;
import io.callemu.emulator.core.media.MediaSettings;
import io.callemu.emulator.core.outcome.InvalidRequest;
import io.callemu.emulator.core.party.Parties;
import io.callemu.emulator.core.settings.Settings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * The remote party's actions on a call: keys, speech, audio and hang-up. Every source of scripted
 * caller behaviour (the control API, scenario steps) goes through here, so all share the defaults,
 * the participant resolution and the call's locale, and their input takes the same path as the
 * real thing (keys as RFC 4733 packets through the call's decoder).
 */
public final class CallerActions {

  /** How long one key is held, and the pause after it, unless given. */
  public static final int DEFAULT_TONE_MS = 100;
  public static final int DEFAULT_GAP_MS = 150;
  /** The recogniser's confidence in scripted speech unless given. */
  public static final double DEFAULT_CONFIDENCE = 0.9;

  /** When an input happens on the emulated clock (epoch ms). */
  public record Span(String participant, long startsAt, long endsAt) {
  }

  /** One utterance found in caller audio, with its words, relative to the audio's start. */
  public record Utterance(long startsAt, long endsAt, String text) {
  }

  private final Vertx vertx;
  private final CallService calls;
  private final MediaService media;
  private final Settings settings;

  public CallerActions(Vertx vertx, CallService calls, MediaService media, Settings settings) {
    this.vertx = vertx;
    this.calls = calls;
    this.media = media;
    this.settings = settings;
  }

  /**
   * The raw id of the participant an input comes from: {@code given} as a raw id or phone number,
   * else the call's remote party.
   *
   * @throws InvalidRequest when {@code given} is blank or not in the call
   */
  public String participant(Call call, String given) {
    if (given == null) {
      return call.remoteParty().rawId();
    }
    if (given.isBlank()) {
      throw new InvalidRequest("participant must be a raw id (\"4:+1555...\", \"8:acs:...\") or a phone number");
    }
    String rawId = Parties.fromText(given).rawId();
    if (call.participant(rawId) == null) {
      throw new InvalidRequest("participant " + rawId + " is not in call " + call.id());
    }
    return rawId;
  }

  /** The participant presses {@code tones} after {@code delayMs}. */
  public Span pressKeys(Call call, String participant, List<DtmfTone> tones, int toneMs, int gapMs, long delayMs) {
    long startsAt = calls.clock().nowMillis() + delayMs;
    long endsAt = media.pressKeys(call, participant, tones, toneMs, gapMs, delayMs);
    return new Span(participant, startsAt, endsAt);
  }

  /**
   * The participant says {@code text} after {@code delayMs} for {@code durationMs} (null: the words
   * at the usual speaking rate); {@code ""} is speech without words.
   */
  public Span say(Call call, String participant, String text, long delayMs, Long durationMs, double confidence) {
    long duration = durationMs != null ? durationMs : Phrases.speakingMillis(text);
    media.say(call, participant, Phrases.of(text, confidence, call.locale(), duration), delayMs, duration);
    long startsAt = calls.clock().nowMillis() + delayMs;
    return new Span(participant, startsAt, startsAt + duration);
  }

  /**
   * The participant's audio, a WAV, starting after {@code delayMs}: its voice activity becomes
   * speech, {@code text} is spread over the utterances by their length, and its samples are what a
   * recording hears. The audio is analysed off the event loop; the future fails with {@link
   * InvalidRequest} for bytes that are no WAV.
   */
  public Future<List<Utterance>> playAudio(Call call, String participant, byte[] wav, String text,
      double confidence, long delayMs) {
    long segmentation = settings.get(MediaSettings.SEGMENTATION_SILENCE_MS);
    return vertx.executeBlocking(() -> CallerAudio.hear(wav, text, segmentation), false)
        .recover(e -> Future.failedFuture(new InvalidRequest("no readable WAV file: " + e.getMessage())))
        .map(heard -> {
          long base = calls.clock().nowMillis() + delayMs;
          if (call.isActive()) {
            media.audio(call, participant, heard.samples(), delayMs);
          }
          List<Utterance> out = new java.util.ArrayList<>();
          for (CallerAudio.Utterance u : heard.utterances()) {
            if (call.isActive()) {
              long duration = u.endMs() - u.startMs();
              media.say(call, participant, Phrases.of(u.text(), confidence, call.locale(), duration),
                  delayMs + u.startMs(), duration);
            }
            out.add(new Utterance(base + u.startMs(), base + u.endMs(), u.text()));
          }
          return out;
        });
  }

  /** The remote party hangs up. */
  public void hangUp(Call call) {
    calls.hangUpByRemote(call);
  }
}
