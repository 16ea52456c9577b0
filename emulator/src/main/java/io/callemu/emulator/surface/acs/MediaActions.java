package io.callemu.emulator.surface.acs;

import io.callemu.dtmf.DtmfTone;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.Identifier;
import io.callemu.emulator.core.media.MediaService;
import io.callemu.emulator.core.media.PlaySource;
import io.callemu.emulator.core.media.RecognizeSpec;
import io.callemu.emulator.core.settings.Settings;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The media actions of the ACS surface (reference sections 4-6): each request is validated
 * completely — every refusal 400/8523 naming the field, and nothing started — before the
 * {@link MediaService} is told. Both api-versions are read: 2023-03-06 knows only file sources and
 * DTMF recognize.
 */
final class MediaActions {

  /** Documented limits (reference 6.2). */
  static final int MAX_INITIAL_SILENCE_DTMF_S = 300;
  static final int MAX_INITIAL_SILENCE_SPEECH_S = 20;
  static final int MIN_INTER_TONE_S = 1;
  static final int MAX_INTER_TONE_S = 60;
  static final int DEFAULT_INITIAL_SILENCE_S = 5;
  static final int DEFAULT_INTER_TONE_S = 2;
  static final int DEFAULT_END_SILENCE_MS = 500;
  /** :sendDtmfTones takes at most 18 tones (control-mid-call-media-actions how-to). */
  static final int MAX_SEND_TONES = 18;
  /** callemu bounds (undocumented for the service): keep requests' memory small. */
  static final int MAX_PLAY_SOURCES = 20;
  static final int MAX_CHOICES = 100;
  static final int MAX_PHRASES = 100;
  static final int MAX_TEXT_CHARS = 10_000;
  static final int MAX_END_SILENCE_MS = 60_000;
  private static final Set<String> INPUT_TYPES = Set.of("dtmf", "choices", "speech", "speechOrDtmf");
  private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}-[A-Z]{2}(-[A-Za-z0-9]+)?");

  /** What the route answers. */
  record Reply(int status, JsonObject body) {
  }

  private final MediaService media;
  private final Settings settings;

  MediaActions(MediaService media, Settings settings) {
    this.media = media;
    this.settings = settings;
  }

  static boolean handles(String action) {
    return switch (action) {
      case "play", "recognize", "cancelAllMediaOperations", "startContinuousDtmfRecognition",
          "stopContinuousDtmfRecognition", "sendDtmfTones" -> true;
      default -> false;
    };
  }

  Reply handle(String action, Call call, Buffer body, String apiVersion) {
    boolean ga1 = ApiVersions.V2023_03_06.equals(apiVersion);
    switch (action) {
      case "play": return play(call, body, ga1);
      case "recognize": return recognize(call, body, ga1);
      case "cancelAllMediaOperations":
        requireConnected(call);
        media.cancelAll(call);
        return new Reply(202, null);
      case "startContinuousDtmfRecognition": return continuousDtmf(call, body, ga1, true);
      case "stopContinuousDtmfRecognition": return continuousDtmf(call, body, ga1, false);
      default: return sendDtmf(call, body, ga1);
    }
  }

  private static void requireConnected(Call call) {
    if (call.state() != io.callemu.emulator.core.call.CallState.CONNECTED) {
      throw AcsErrors.callNotEstablished();
    }
  }

  /** An operation the 2023-03-06 API does not have: 405/8520. */
  private static void notIn2023(boolean ga1, String what) {
    if (ga1) {
      throw AcsErrors.notImplemented(what + " (not in api-version 2023-03-06)");
    }
  }

  /** A field value the 2023-03-06 model does not know (its enums are file / dtmf only): 400/8523. */
  private static void fieldNotIn2023(boolean ga1, String field) {
    if (ga1) {
      throw AcsErrors.invalidArgument(field + " is not in api-version 2023-03-06");
    }
  }

  private Reply play(Call call, Buffer body, boolean ga1) {
    JsonFields f = JsonFields.parse(body);
    List<JsonFields> sourceFields = f.requireObjects("playSources", false);
    if (sourceFields.size() > MAX_PLAY_SOURCES) {
      throw AcsErrors.invalidArgument("playSources may hold at most " + MAX_PLAY_SOURCES + " sources");
    }
    List<PlaySource> sources = new ArrayList<>();
    for (JsonFields s : sourceFields) {
      sources.add(playSource(s, ga1));
    }
    JsonArray playTo = f.json().getValue("playTo") instanceof JsonArray a ? a : null;
    if (f.has("playTo") && playTo == null) {
      throw AcsErrors.wrongType("playTo", "an array");
    }
    if (playTo != null) {
      for (JsonFields t : f.requireObjects("playTo", true)) {
        participant(call, t);
      }
    }
    JsonFields options = f.optObject("playOptions");
    boolean loop = options != null && Boolean.TRUE.equals(options.optBoolean("loop"));
    boolean interrupt = interrupt(f);
    String context = f.optString("operationContext");
    String callbackUri = callbackUri(f, call);
    requireConnected(call);
    media.play(call, sources, loop, interrupt, context, callbackUri, facts(f));
    return new Reply(202, null);
  }

  private boolean interrupt(JsonFields f) {
    Boolean given = f.optBoolean("interruptCallMediaOperation");
    return given != null ? given : settings.get(Settings.INTERRUPT_MEDIA_DEFAULT).equals("true");
  }

  private static String callbackUri(JsonFields f, Call call) {
    String override = f.optHttpUri("operationCallbackUri");
    return override != null ? override : call.callbackUri();
  }

  /** The plain top-level fields of the request, for scenario {@code match}. */
  private static JsonObject facts(JsonFields f) {
    JsonObject facts = new JsonObject();
    f.json().forEach(e -> {
      if (!(e.getValue() instanceof JsonObject) && !(e.getValue() instanceof JsonArray)) {
        facts.put(e.getKey(), e.getValue());
      }
    });
    return facts;
  }

  private static PlaySource playSource(JsonFields s, boolean ga1) {
    String kind = s.optString("kind");
    if (kind == null) {
      // The 2023 model has no kind on the wire in some SDKs: infer it from the one nested object.
      kind = s.has("file") ? "file" : s.has("text") ? "text" : s.has("ssml") ? "ssml" : null;
      if (kind == null) {
        throw AcsErrors.missingField(s.path("kind"));
      }
    }
    switch (kind) {
      case "file": {
        String uri = s.requireObject("file").requireString("uri");
        try {
          java.net.URI parsed = new java.net.URI(uri);
          if (parsed.getScheme() == null) {
            throw new java.net.URISyntaxException(uri, "no scheme");
          }
        } catch (java.net.URISyntaxException e) {
          throw AcsErrors.invalidArgument(s.path("file.uri") + " must be an absolute URI, got '" + uri + "'");
        }
        return PlaySource.file(uri);
      }
      case "text": {
        fieldNotIn2023(ga1, s.path("kind") + " text");
        JsonFields text = s.requireObject("text");
        String value = text.requireString("text");
        if (value.isBlank() || value.length() > MAX_TEXT_CHARS) {
          throw AcsErrors.invalidArgument(text.path("text") + " must hold 1 to " + MAX_TEXT_CHARS + " characters");
        }
        String voiceKind = text.optString("voiceKind");
        if (voiceKind != null && !voiceKind.equals("male") && !voiceKind.equals("female")) {
          throw AcsErrors.invalidArgument(text.path("voiceKind") + " must be male or female");
        }
        String locale = text.optString("sourceLocale");
        if (locale != null && !LOCALE.matcher(locale).matches()) {
          throw AcsErrors.invalidArgument(text.path("sourceLocale") + " must be a locale like en-US, got '" + locale + "'");
        }
        return PlaySource.text(value);
      }
      case "ssml": {
        fieldNotIn2023(ga1, s.path("kind") + " ssml");
        JsonFields ssml = s.requireObject("ssml");
        String value = ssml.requireString("ssmlText");
        if (value.isBlank() || value.length() > MAX_TEXT_CHARS) {
          throw AcsErrors.invalidArgument(ssml.path("ssmlText") + " must hold 1 to " + MAX_TEXT_CHARS + " characters");
        }
        return PlaySource.ssml(value);
      }
      default:
        throw AcsErrors.invalidArgument(s.path("kind") + " must be file, text or ssml, got '" + kind + "'");
    }
  }

  private static Identifier participant(Call call, JsonFields f) {
    Identifier id = Identifiers.read(f);
    if (call.participant(id.rawId()) == null) {
      throw AcsErrors.invalidArgument(f.path("") + " '" + id.rawId() + "' is not a participant of this call");
    }
    return id;
  }

  private Reply recognize(Call call, Buffer body, boolean ga1) {
    JsonFields f = JsonFields.parse(body);
    String type = f.requireString("recognizeInputType");
    if (!INPUT_TYPES.contains(type)) {
      throw AcsErrors.invalidArgument("recognizeInputType must be dtmf, choices, speech or speechOrDtmf, got '" + type + "'");
    }
    if (ga1 && !type.equals("dtmf")) {
      throw AcsErrors.invalidArgument("recognizeInputType " + type + " is not in api-version 2023-03-06 (dtmf only)");
    }
    List<PlaySource> prompts = new ArrayList<>();
    JsonFields single = f.optObject("playPrompt");
    if (single != null) {
      prompts.add(playSource(single, ga1));
    }
    if (f.has("playPrompts")) {
      fieldNotIn2023(ga1, "playPrompts");
      if (single != null) {
        throw AcsErrors.invalidArgument("give playPrompt or playPrompts, not both");
      }
      List<JsonFields> many = f.requireObjects("playPrompts", true);
      if (many.size() > MAX_PLAY_SOURCES) {
        throw AcsErrors.invalidArgument("playPrompts may hold at most " + MAX_PLAY_SOURCES + " sources");
      }
      for (JsonFields p : many) {
        prompts.add(playSource(p, ga1));
      }
    }
    JsonFields o = f.requireObject("recognizeOptions");
    Identifier target = participant(call, o.requireObject("targetParticipant"));
    Boolean interruptPrompt = o.optBoolean("interruptPrompt");
    boolean speechy = !type.equals("dtmf");
    int maxInitial = type.equals("dtmf") ? MAX_INITIAL_SILENCE_DTMF_S : MAX_INITIAL_SILENCE_SPEECH_S;
    int initial = optInt(o, "initialSilenceTimeoutInSeconds", 0, maxInitial, DEFAULT_INITIAL_SILENCE_S);
    String language = o.optString("speechLanguage");
    if (language != null && !io.callemu.asr.Locales.isSupported(language)) {
      throw AcsErrors.invalidArgument(o.path("speechLanguage") + " must be a supported locale with a region "
          + "such as en-US, got '" + language + "'");
    }
    o.optString("speechRecognitionModelEndpointId");
    JsonFields dtmf = o.optObject("dtmfOptions");
    int interTone = DEFAULT_INTER_TONE_S;
    int maxTones = 0;
    Set<DtmfTone> stopTones = new LinkedHashSet<>();
    if (dtmf != null) {
      interTone = optInt(dtmf, "interToneTimeoutInSeconds", MIN_INTER_TONE_S, MAX_INTER_TONE_S, DEFAULT_INTER_TONE_S);
      maxTones = optInt(dtmf, "maxTonesToCollect", 1, Integer.MAX_VALUE, 0);
      if (dtmf.has("stopTones")) {
        Object v = dtmf.json().getValue("stopTones");
        if (!(v instanceof JsonArray list)) {
          throw AcsErrors.wrongType(dtmf.path("stopTones"), "an array of tone names");
        }
        for (int i = 0; i < list.size(); i++) {
          stopTones.add(tone(list.getValue(i), dtmf.path("stopTones") + "[" + i + "]"));
        }
      }
    }
    if (type.equals("dtmf") && maxTones == 0) {
      throw AcsErrors.invalidArgument("recognizeOptions.dtmfOptions.maxTonesToCollect is required for dtmf (at least 1)");
    }
    List<RecognizeSpec.Choice> choices = new ArrayList<>();
    if (o.has("choices")) {
      List<JsonFields> list = o.requireObjects("choices", true);
      if (list.size() > MAX_CHOICES) {
        throw AcsErrors.invalidArgument(o.path("choices") + " may hold at most " + MAX_CHOICES + " choices");
      }
      for (JsonFields c : list) {
        choices.add(choice(c));
      }
    }
    if (type.equals("choices") && choices.isEmpty()) {
      throw AcsErrors.invalidArgument("recognizeOptions.choices must hold at least one choice for choices");
    }
    long endSilence = DEFAULT_END_SILENCE_MS;
    JsonFields speech = o.optObject("speechOptions");
    if (speech != null) {
      endSilence = optInt(speech, "endSilenceTimeoutInMs", 0, MAX_END_SILENCE_MS, DEFAULT_END_SILENCE_MS);
    }
    boolean interrupt = interrupt(f);
    String context = f.optString("operationContext");
    String callbackUri = callbackUri(f, call);
    if (speechy && !hasCognitiveServices(call)) {
      throw AcsErrors.cognitiveServicesNotConfigured();
    }
    requireConnected(call);
    RecognizeSpec spec = new RecognizeSpec(type, prompts, interruptPrompt == null || interruptPrompt,
        initial * 1000L, target.rawId(), language == null ? "en-US" : language, interTone * 1000L, maxTones,
        stopTones, choices, endSilence);
    media.recognize(call, spec, interrupt, context, callbackUri, facts(f));
    return new Reply(202, null);
  }

  private static boolean hasCognitiveServices(Call call) {
    JsonObject options = call.requestExtras().getJsonObject("callIntelligenceOptions");
    String endpoint = options == null ? null : options.getString("cognitiveServicesEndpoint");
    return endpoint != null && !endpoint.isBlank();
  }

  private static RecognizeSpec.Choice choice(JsonFields c) {
    String label = c.requireString("label");
    Object v = c.json().getValue("phrases");
    if (!(v instanceof JsonArray phrases) || phrases.isEmpty()) {
      throw AcsErrors.invalidArgument(c.path("phrases") + " is required: a non-empty array of strings");
    }
    if (phrases.size() > MAX_PHRASES) {
      throw AcsErrors.invalidArgument(c.path("phrases") + " may hold at most " + MAX_PHRASES + " phrases");
    }
    List<String> list = new ArrayList<>();
    for (int i = 0; i < phrases.size(); i++) {
      if (!(phrases.getValue(i) instanceof String p) || p.isBlank()) {
        throw AcsErrors.invalidArgument(c.path("phrases") + "[" + i + "] must be a non-empty string");
      }
      list.add(p);
    }
    Object tone = c.json().getValue("tone");
    return new RecognizeSpec.Choice(label, list, tone == null ? null : tone(tone, c.path("tone")));
  }

  private static DtmfTone tone(Object value, String path) {
    if (!(value instanceof String name)) {
      throw AcsErrors.wrongType(path, "a tone name (zero-nine, a-d, pound, asterisk)");
    }
    try {
      return DtmfTone.fromAcsName(name);
    } catch (IllegalArgumentException e) {
      throw AcsErrors.invalidArgument(path + ": " + e.getMessage());
    }
  }

  /** An optional whole number within {@code [min, max]}; the error names the field and the range. */
  private static int optInt(JsonFields f, String field, int min, int max, int fallback) {
    Object v = f.json().getValue(field);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < min
        || ((Number) v).longValue() > max) {
      throw AcsErrors.invalidArgument(f.path(field) + " must be a whole number from " + min
          + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ", got " + v);
    }
    return ((Number) v).intValue();
  }

  private Reply continuousDtmf(Call call, Buffer body, boolean ga1, boolean start) {
    notIn2023(ga1, "continuous DTMF recognition");
    JsonFields f = JsonFields.parse(body);
    Identifier target = participant(call, f.requireObject("targetParticipant"));
    String context = f.optString("operationContext");
    String callbackUri = callbackUri(f, call);
    requireConnected(call);
    if (start) {
      media.startContinuousDtmf(call, target.rawId(), context, callbackUri);
    } else {
      media.stopContinuousDtmf(call, context, callbackUri);
    }
    return new Reply(200, null);
  }

  private Reply sendDtmf(Call call, Buffer body, boolean ga1) {
    notIn2023(ga1, "sendDtmfTones");
    JsonFields f = JsonFields.parse(body);
    Object v = f.json().getValue("tones");
    if (!(v instanceof JsonArray list) || list.isEmpty()) {
      throw AcsErrors.invalidArgument("tones is required: a non-empty array of tone names");
    }
    if (list.size() > MAX_SEND_TONES) {
      throw AcsErrors.invalidArgument("tones may hold at most " + MAX_SEND_TONES + " tones, got " + list.size());
    }
    List<DtmfTone> tones = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      tones.add(tone(list.getValue(i), "tones[" + i + "]"));
    }
    participant(call, f.requireObject("targetParticipant"));
    String context = f.optString("operationContext");
    String callbackUri = callbackUri(f, call);
    requireConnected(call);
    media.sendDtmf(call, tones, context, callbackUri);
    JsonObject reply = new JsonObject();
    if (context != null) {
      reply.put("operationContext", context);
    }
    return new Reply(202, reply);
  }
}
