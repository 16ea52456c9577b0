package io.callemu.emulator.settings;

import io.callemu.emulator.surface.speech.SpeechSettings;
import io.callemu.emulator.transcription.TranscriptionSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current value of every {@link Setting}: its default until changed by {@code --set} or by
 * {@code POST /_emulator/settings}. Read on the emulator's context only.
 */
public final class Settings {

  public static final String CALL_RING_MS = "call.ringMs";
  public static final String INCOMING_CALL_TIMEOUT_MS = "incomingCall.answerTimeoutMs";
  public static final String CALLBACK_MAX_ATTEMPTS = "callback.maxAttempts";
  public static final String CALLBACK_RETRY_DELAY_MS = "callback.retryDelayMs";
  public static final String CALLBACK_TIMEOUT_MS = "callback.timeoutMs";
  public static final String CALLBACK_QUEUE_LIMIT = "callback.queueLimit";
  public static final String JOURNAL_CAPACITY = "journal.capacity";
  public static final String HMAC_MAX_SKEW_SECONDS = "auth.maxClockSkewSeconds";
  public static final String INTER_DIGIT_TIMEOUT_EVENT = "recognize.interDigitTimeoutEvent";
  public static final String STOP_TONE_IN_RESULT = "recognize.stopToneInResult";
  public static final String PROMPT_EMITS_PLAY_EVENTS = "recognize.promptEmitsPlayEvents";
  public static final String INTERRUPT_PROMPT_QUIRK = "recognize.interruptPromptInitialSilenceQuirk";
  public static final String TONES_DURING_PROMPT = "recognize.tonesDuringUninterruptiblePrompt";
  public static final String INTERRUPT_MEDIA_DEFAULT = "media.interruptCallMediaOperationDefault";
  public static final String TRANSCRIPTION_STATUS_CASING = "transcription.resultStatusCasing";
  public static final String PROMPT_WORDS_PER_MINUTE = "prompt.wordsPerMinute";
  public static final String PROMPT_DEFAULT_FILE_MS = "prompt.defaultFileMs";
  public static final String PROMPT_FETCH_TIMEOUT_MS = "prompt.fetchTimeoutMs";
  public static final String SPEECH_SEGMENTATION_SILENCE_MS = "speech.segmentationSilenceMs";
  public static final String RTP_MAX_PACKETS_PER_SECOND = "rtp.maxPacketsPerSecond";
  public static final String RTP_PORT_PER_CALL = "rtp.portPerCall";

  /** Every known setting; later issues add the fidelity switches of CONTRACT section 5 here. */
  public static final List<Setting> ALL = concat(List.of(
      Setting.number(CALL_RING_MS, 500, 0, 600_000,
          "how long an outbound call rings (emulated ms) before the remote party picks up and "
              + "CallConnected is sent",
          "callemu choice; the real service connects when the callee answers"),
      Setting.number(INCOMING_CALL_TIMEOUT_MS, 30_000, 1, 3_600_000,
          "how long an incomingCallContext stays answerable (emulated ms); answering later "
              + "yields AnswerFailed 400/8587",
          "subcode 8587 'Incoming Call Not Answered Within Time' (call-automation-sdk troubleshooting codes); "
              + "the window itself is UNVERIFIED"),
      Setting.number(CALLBACK_MAX_ATTEMPTS, 5, 1, 100,
          "delivery attempts per callback before it is journalled as undelivered",
          "callemu choice (the service's retry policy is undocumented)"),
      Setting.number(CALLBACK_RETRY_DELAY_MS, 1_000, 0, 3_600_000,
          "delay before the first retry of a failed callback (emulated ms); doubles per attempt",
          "callemu choice"),
      Setting.number(CALLBACK_TIMEOUT_MS, 10_000, 100, 600_000,
          "how long one callback POST may stay unanswered (real ms) before it counts as failed",
          "callemu choice"),
      Setting.number(CALLBACK_QUEUE_LIMIT, 1_000, 1, 1_000_000,
          "callbacks that may wait per call; more are journalled as undelivered (queue full)",
          "callemu choice (bounded memory)"),
      Setting.number(JOURNAL_CAPACITY, 10_000, 10, 10_000_000,
          "entries the in-memory journal keeps (oldest dropped first; --journal files keep all)",
          "callemu choice (bounded memory)"),
      Setting.number(HMAC_MAX_SKEW_SECONDS, 900, 0, 86_400,
          "how far x-ms-date may be from the real time before a request is refused with 401",
          "UNVERIFIED for the real service; 15 minutes is the usual Azure tolerance"),
      // Fidelity switches (CONTRACT section 5): where the documents disagree or are silent.
      Setting.choice(INTER_DIGIT_TIMEOUT_EVENT, "completed", List.of("completed", "failed"),
          "what an expired interToneTimeout ends with: RecognizeCompleted 400/8532 carrying the tones "
              + "so far, or RecognizeFailed 400/8532",
          "reference 6.4: newer recognize how-to lists 'RecognizeCompleted | 400 | 8532', the older one "
              + "RecognizeFailed; real behaviour UNVERIFIED"),
      Setting.choice(STOP_TONE_IN_RESULT, "true", List.of("true", "false"),
          "whether the stop tone that ended a DTMF recognize is the last of dtmfResult.tones",
          "reference 13 item 9: Java SDK test payload [\"five\",\"six\",\"pound\"] and real payload of "
              + "azure-sdk-for-js#26338 include it; production UNVERIFIED"),
      Setting.choice(PROMPT_EMITS_PLAY_EVENTS, "false", List.of("false", "true"),
          "whether a recognize's prompt also sends PlayStarted/PlayCompleted (PlayCanceled when "
              + "barged in)",
          "reference 7.4: the SDK samples listen only for Recognize* events; UNVERIFIED"),
      Setting.choice(INTERRUPT_PROMPT_QUIRK, "false", List.of("false", "true"),
          "true: with interruptPrompt the initial silence timeout behaves as 2 s whatever was asked, "
              + "as reported against the live service",
          "anchors 4.7, Azure/azure-sdk-for-net#45842"),
      Setting.choice(TONES_DURING_PROMPT, "ignored", List.of("ignored", "kept"),
          "keys pressed while a prompt with interruptPrompt=false plays: dropped, or kept and "
              + "counted once the prompt ended (type-ahead)",
          "anchors 4.7 marks this '(?) verify'; ACS documents only that such keys do not stop the prompt"),
      Setting.choice(INTERRUPT_MEDIA_DEFAULT, "false", List.of("false", "true"),
          "interruptCallMediaOperation when a play/recognize request leaves it out: false queues the "
              + "action behind running ones, true cancels them",
          "reference 6.2 (the how-to table says default true; the request model says the field "
              + "barges into queued operations only when set); callemu queues by default so no event is lost"),
      Setting.choice(TRANSCRIPTION_STATUS_CASING, "Final", List.of("Final", "final"),
          "casing of resultStatus in TranscriptionData frames",
          "reference 9.2: docs sample and JS SDK test payload 'Final', SDK enums lower case"),
      Setting.number(PROMPT_WORDS_PER_MINUTE, 150, 1, 10_000,
          "how fast a text or SSML prompt 'plays' (its length is words / rate, plus SSML breaks)",
          "callemu choice (typical neural TTS speaking rate)"),
      Setting.number(PROMPT_DEFAULT_FILE_MS, 3_000, 0, 3_600_000,
          "how long a file prompt on a non-loopback host plays (callemu is offline and cannot fetch it)",
          "callemu choice"),
      Setting.number(PROMPT_FETCH_TIMEOUT_MS, 5_000, 100, 600_000,
          "how long fetching a loopback prompt file may take (real ms) before PlayFailed 8536",
          "callemu choice"),
      Setting.number(SPEECH_SEGMENTATION_SILENCE_MS, 500, 0, 60_000,
          "silence (ms) that splits the voice activity of an uploaded WAV into utterances",
          "reference 6.2: InitialSegmentationSilenceTimeoutInSeconds 0.5 s (no wire field)"),
      Setting.number(RTP_MAX_PACKETS_PER_SECOND, 2_000, 1, 1_000_000,
          "packets per second and call the RTP port decodes; the rest are dropped and counted",
          "callemu choice (a flood on one call must not starve the others)"),
      Setting.choice(RTP_PORT_PER_CALL, "true", List.of("true", "false"),
          "whether each new call binds its own UDP port for RFC 4733 DTMF (false saves one file "
              + "descriptor per call in load tests; the control API's dtmf still works)",
          "CONTRACT section 3")),
      TranscriptionSettings.ALL, SpeechSettings.ALL);

  @SafeVarargs
  private static List<Setting> concat(List<Setting>... groups) {
    List<Setting> all = new java.util.ArrayList<>();
    for (List<Setting> g : groups) {
      all.addAll(g);
    }
    return List.copyOf(all);
  }

  private final Map<String, Setting> known = new LinkedHashMap<>();
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> sources = new LinkedHashMap<>();

  public Settings() {
    for (Setting s : ALL) {
      known.put(s.key(), s);
    }
  }

  /**
   * Sets {@code key}; {@code origin} is shown by the listing ({@code "--set"}, {@code "api"}).
   *
   * @throws IllegalArgumentException for an unknown key or a bad value (nothing changes)
   */
  public void set(String key, String value, String origin) {
    values.put(key, check(key, value));
    sources.put(key, origin);
  }

  /** Checks a value without setting it; returns its canonical form. */
  public String check(String key, String value) {
    Setting s = known.get(key);
    if (s == null) {
      throw new IllegalArgumentException("unknown setting '" + key + "' (known: " + known.keySet() + ")");
    }
    return s.normalize(value);
  }

  public String get(String key) {
    String v = values.get(key);
    if (v != null) {
      return v;
    }
    Setting s = known.get(key);
    if (s == null) {
      throw new IllegalArgumentException("unknown setting '" + key + "'");
    }
    return s.defaultValue();
  }

  public long getLong(String key) {
    return Long.parseLong(get(key));
  }

  /** The listing of {@code GET /_emulator/settings}. */
  public JsonObject toJson() {
    JsonArray list = new JsonArray();
    for (Setting s : known.values()) {
      JsonObject o = new JsonObject().put("key", s.key()).put("value", get(s.key()))
          .put("default", s.defaultValue()).put("setBy", sources.getOrDefault(s.key(), "default"))
          .put("description", s.description()).put("source", s.source());
      if (s.choices().isEmpty()) {
        o.put("min", s.min()).put("max", s.max());
      } else {
        o.put("choices", new JsonArray(s.choices()));
      }
      list.add(o);
    }
    return new JsonObject().put("settings", list);
  }
}
