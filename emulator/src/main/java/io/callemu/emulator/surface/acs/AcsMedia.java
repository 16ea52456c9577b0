package io.callemu.emulator.surface.acs;

import io.callemu.asr.Locales;
import io.callemu.dtmf.DtmfTone;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.Requester;
import io.callemu.emulator.core.media.MediaService;
import io.callemu.emulator.core.media.PlaySource;
import io.callemu.emulator.core.media.RecognizeSpec;
import io.callemu.emulator.core.media.RecognizeSpec.InputType;
import io.callemu.emulator.core.outcome.InvalidRequest;
import io.callemu.emulator.core.party.Party;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.http.JsonReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The media actions of the ACS surface (play, recognize, cancel, continuous DTMF, send DTMF):
 * each request is validated completely — every refusal 400/8523 naming the field, and nothing
 * started — before the {@link MediaService} is told. Both api-versions are read: 2023-03-06 knows
 * only file sources and DTMF recognize.
 */
final class AcsMedia {

  /** Documented limits of the recognize how-to. */
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
  private static final Map<String, InputType> INPUT_TYPES = Map.of("dtmf", InputType.DTMF,
      "choices", InputType.CHOICES, "speech", InputType.SPEECH, "speechOrDtmf", InputType.SPEECH_OR_DTMF);
  private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}-[A-Z]{2}(-[A-Za-z0-9]+)?");

  private final MediaService media;
  private final Settings settings;

  AcsMedia(MediaService media, Settings settings) {
    this.media = media;
    this.settings = settings;
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
      throw new InvalidRequest(field + " is not in api-version 2023-03-06");
    }
  }

  HttpReply play(Call call, JsonReader f, boolean ga1) {
    List<PlaySource> sources = new ArrayList<>();
    for (JsonReader s : f.requireObjects("playSources", false, MAX_PLAY_SOURCES, "sources")) {
      sources.add(playSource(s, ga1));
    }
    if (f.optArray("playTo") != null) {
      for (JsonReader t : f.requireObjects("playTo", true, Integer.MAX_VALUE, "participants")) {
        participant(call, t);
      }
    }
    JsonReader options = f.optObject("playOptions");
    boolean loop = options != null && options.optBoolean("loop", false);
    boolean interrupt = interrupt(f);
    Requester requester = requester(f);
    media.play(call, sources, loop, interrupt, requester, facts(f));
    return HttpReply.empty(202);
  }

  private boolean interrupt(JsonReader f) {
    Boolean given = f.optBoolean("interruptCallMediaOperation");
    return given != null ? given : settings.get(AcsSettings.INTERRUPT_MEDIA_DEFAULT);
  }

  /** The request's context, and its {@code operationCallbackUri} (null: the call's callback). */
  private static Requester requester(JsonReader f) {
    String context = f.optString("operationContext");
    return new Requester(context, f.optHttpUri("operationCallbackUri"));
  }

  /** The plain top-level fields of the request, for scenario {@code match}. */
  private static Map<String, Object> facts(JsonReader f) {
    return f.plainFields();
  }

  private static PlaySource playSource(JsonReader s, boolean ga1) {
    String kind = s.optString("kind");
    if (kind == null) {
      // The 2023 model has no kind on the wire in some SDKs: infer it from the one nested object.
      kind = s.has("file") ? "file" : s.has("text") ? "text" : s.has("ssml") ? "ssml" : null;
      if (kind == null) {
        throw s.invalid("kind", "is required");
      }
    }
    switch (kind) {
      case "file": {
        JsonReader file = s.requireObject("file");
        String uri = file.requireString("uri");
        try {
          if (new URI(uri).getScheme() == null) {
            throw new URISyntaxException(uri, "no scheme");
          }
        } catch (URISyntaxException e) {
          throw file.invalid("uri", "must be an absolute URI, got '" + uri + "'");
        }
        return PlaySource.file(uri);
      }
      case "text": {
        fieldNotIn2023(ga1, s.path("kind") + " text");
        JsonReader text = s.requireObject("text");
        String value = text.requireString("text");
        if (value.isBlank() || value.length() > MAX_TEXT_CHARS) {
          throw text.invalid("text", "must hold 1 to " + MAX_TEXT_CHARS + " characters");
        }
        String voiceKind = text.optString("voiceKind");
        if (voiceKind != null && !voiceKind.equals("male") && !voiceKind.equals("female")) {
          throw text.invalid("voiceKind", "must be male or female");
        }
        String locale = text.optString("sourceLocale");
        if (locale != null && !LOCALE.matcher(locale).matches()) {
          throw text.invalid("sourceLocale", "must be a locale like en-US, got '" + locale + "'");
        }
        return PlaySource.text(value);
      }
      case "ssml": {
        fieldNotIn2023(ga1, s.path("kind") + " ssml");
        JsonReader ssml = s.requireObject("ssml");
        String value = ssml.requireString("ssmlText");
        if (value.isBlank() || value.length() > MAX_TEXT_CHARS) {
          throw ssml.invalid("ssmlText", "must hold 1 to " + MAX_TEXT_CHARS + " characters");
        }
        return PlaySource.ssml(value);
      }
      default:
        throw s.invalid("kind", "must be file, text or ssml, got '" + kind + "'");
    }
  }

  private static Party participant(Call call, JsonReader f) {
    Party id = AcsIdentifiers.read(f);
    if (call.participant(id.rawId()) == null) {
      throw f.invalid("", "'" + id.rawId() + "' is not a participant of this call");
    }
    return id;
  }

  HttpReply recognize(Call call, JsonReader f, boolean ga1) {
    String typeName = f.requireString("recognizeInputType");
    InputType type = INPUT_TYPES.get(typeName);
    if (type == null) {
      throw f.invalid("recognizeInputType", "must be dtmf, choices, speech or speechOrDtmf, got '" + typeName + "'");
    }
    if (ga1 && type != InputType.DTMF) {
      throw f.invalid("recognizeInputType " + typeName, "is not in api-version 2023-03-06 (dtmf only)");
    }
    List<PlaySource> prompts = prompts(f, ga1);
    JsonReader o = f.requireObject("recognizeOptions");
    Party target = participant(call, o.requireObject("targetParticipant"));
    Boolean interruptPrompt = o.optBoolean("interruptPrompt");
    int maxInitial = type == InputType.DTMF ? MAX_INITIAL_SILENCE_DTMF_S : MAX_INITIAL_SILENCE_SPEECH_S;
    int initial = o.optInt("initialSilenceTimeoutInSeconds", 0, maxInitial, DEFAULT_INITIAL_SILENCE_S);
    String language = o.optString("speechLanguage");
    if (language != null && !Locales.isSupported(language)) {
      throw o.invalid("speechLanguage", "must be a supported locale with a region such as en-US, got '"
          + language + "'");
    }
    o.optString("speechRecognitionModelEndpointId");
    JsonReader dtmf = o.optObject("dtmfOptions");
    int interTone = DEFAULT_INTER_TONE_S;
    int maxTones = 0;
    Set<DtmfTone> stopTones = new LinkedHashSet<>();
    if (dtmf != null) {
      interTone = dtmf.optInt("interToneTimeoutInSeconds", MIN_INTER_TONE_S, MAX_INTER_TONE_S, DEFAULT_INTER_TONE_S);
      maxTones = dtmf.optInt("maxTonesToCollect", 1, Integer.MAX_VALUE, 0);
      JsonArray list = dtmf.optArray("stopTones");
      if (list != null) {
        for (int i = 0; i < list.size(); i++) {
          stopTones.add(tone(list.getValue(i), dtmf.path("stopTones") + "[" + i + "]"));
        }
      }
    }
    if (type == InputType.DTMF && maxTones == 0) {
      throw new InvalidRequest("recognizeOptions.dtmfOptions.maxTonesToCollect is required for dtmf (at least 1)");
    }
    List<RecognizeSpec.Choice> choices = new ArrayList<>();
    if (o.has("choices")) {
      for (JsonReader c : o.requireObjects("choices", true, MAX_CHOICES, "choices")) {
        choices.add(choice(c));
      }
    }
    if (type == InputType.CHOICES && choices.isEmpty()) {
      throw new InvalidRequest("recognizeOptions.choices must hold at least one choice for choices");
    }
    long endSilence = DEFAULT_END_SILENCE_MS;
    JsonReader speech = o.optObject("speechOptions");
    if (speech != null) {
      endSilence = speech.optInt("endSilenceTimeoutInMs", 0, MAX_END_SILENCE_MS, DEFAULT_END_SILENCE_MS);
    }
    boolean interrupt = interrupt(f);
    Requester requester = requester(f);
    RecognizeSpec spec = new RecognizeSpec(type, prompts, interruptPrompt == null || interruptPrompt,
        initial * 1000L, target.rawId(), language == null ? "en-US" : language, interTone * 1000L, maxTones,
        stopTones, choices, endSilence);
    media.recognize(call, spec, interrupt, requester, facts(f));
    return HttpReply.empty(202);
  }

  private static List<PlaySource> prompts(JsonReader f, boolean ga1) {
    List<PlaySource> prompts = new ArrayList<>();
    JsonReader single = f.optObject("playPrompt");
    if (single != null) {
      prompts.add(playSource(single, ga1));
    }
    if (f.has("playPrompts")) {
      fieldNotIn2023(ga1, "playPrompts");
      if (single != null) {
        throw new InvalidRequest("give playPrompt or playPrompts, not both");
      }
      for (JsonReader p : f.requireObjects("playPrompts", true, MAX_PLAY_SOURCES, "sources")) {
        prompts.add(playSource(p, ga1));
      }
    }
    return prompts;
  }

  private static RecognizeSpec.Choice choice(JsonReader c) {
    String label = c.requireString("label");
    List<String> phrases = c.requireStrings("phrases", MAX_PHRASES, "phrases");
    Object tone = c.json().getValue("tone");
    return new RecognizeSpec.Choice(label, phrases, tone == null ? null : tone(tone, c.path("tone")));
  }

  private static DtmfTone tone(Object value, String path) {
    if (!(value instanceof String name)) {
      throw new InvalidRequest(path + " must be a tone name (zero-nine, a-d, pound, asterisk)");
    }
    try {
      return DtmfTone.fromAcsName(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(path + ": " + e.getMessage());
    }
  }

  HttpReply cancelAll(Call call) {
    media.cancelAll(call);
    return HttpReply.empty(202);
  }

  HttpReply continuousDtmf(Call call, JsonReader f, boolean ga1, boolean start) {
    notIn2023(ga1, "continuous DTMF recognition");
    Party target = participant(call, f.requireObject("targetParticipant"));
    Requester requester = requester(f);
    if (start) {
      // ACS names no hook flash (its Tone type has no such value).
      media.startContinuousDtmf(call, target.rawId(), requester, false);
    } else {
      media.stopContinuousDtmf(call, requester);
    }
    return HttpReply.empty(200);
  }

  HttpReply sendDtmf(Call call, JsonReader f, boolean ga1) {
    notIn2023(ga1, "sendDtmfTones");
    JsonArray list = f.optArray("tones");
    if (list == null || list.isEmpty()) {
      throw new InvalidRequest("tones is required: a non-empty array of tone names");
    }
    if (list.size() > MAX_SEND_TONES) {
      throw new InvalidRequest("tones may hold at most " + MAX_SEND_TONES + " tones, got " + list.size());
    }
    List<DtmfTone> tones = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      tones.add(tone(list.getValue(i), "tones[" + i + "]"));
    }
    participant(call, f.requireObject("targetParticipant"));
    Requester requester = requester(f);
    media.sendDtmf(call, tones, requester);
    JsonObject reply = new JsonObject();
    if (requester.context() != null) {
      reply.put("operationContext", requester.context());
    }
    return HttpReply.json(202, reply);
  }
}
