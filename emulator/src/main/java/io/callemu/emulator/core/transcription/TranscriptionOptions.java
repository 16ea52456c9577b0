package io.callemu.emulator.core.transcription;

import io.callemu.asr.Locales;
import io.callemu.emulator.surface.acs.AcsError;
import io.callemu.emulator.surface.acs.AcsErrors;
import io.callemu.emulator.surface.acs.JsonFields;
import io.vertx.core.json.JsonObject;

/**
 * A call's {@code transcriptionOptions} (reference section 5) and whether its
 * {@code callIntelligenceOptions} name a Cognitive Services endpoint, as given at createCall or
 * answerCall.
 *
 * @param transportUrl where callemu opens the WebSocket, or null when not set
 * @param locale the recognition locale in canonical form (en-US)
 * @param speechModelEndpointId a custom speech model, or null
 * @param startTranscription start when the call connects
 * @param enableIntermediateResults send Intermediate frames too
 * @param cognitiveServicesConfigured whether callIntelligenceOptions.cognitiveServicesEndpoint was set
 */
public record TranscriptionOptions(String transportUrl, String locale, String speechModelEndpointId,
    boolean startTranscription, boolean enableIntermediateResults, boolean cognitiveServicesConfigured) {

  static final String FIELD = "transcriptionOptions";
  static final String INTELLIGENCE = "callIntelligenceOptions";

  /**
   * Checks the transcription fields of a createCall/answerCall body before anything is created.
   *
   * @throws AcsError 400/8523 for a wrong type, a transportType other than websocket, or a locale
   *     that is missing or has no region (the §8.3 rows' messages)
   */
  public static void check(JsonFields request) {
    JsonFields intelligence = request.optObject(INTELLIGENCE);
    if (intelligence != null) {
      intelligence.optHttpUri("cognitiveServicesEndpoint");
    }
    JsonFields o = request.optObject(FIELD);
    if (o == null) {
      return;
    }
    String transport = o.optString("transportType");
    if (transport != null && !transport.equalsIgnoreCase("websocket")) {
      throw AcsErrors.invalidArgument(o.path("transportType") + " must be websocket, got '" + transport + "'");
    }
    canonicalLocale(o.optString("locale"));
    o.optString("transportUrl");
    o.optString("speechModelEndpointId");
    o.optBoolean("startTranscription");
    o.optBoolean("enableIntermediateResults");
  }

  /**
   * The options kept with a call (its request extras, already checked by {@link #check}), or null
   * when the call was set up without transcriptionOptions.
   */
  public static TranscriptionOptions of(JsonObject requestExtras) {
    JsonObject o = requestExtras.getJsonObject(FIELD);
    if (o == null) {
      return null;
    }
    JsonObject intelligence = requestExtras.getJsonObject(INTELLIGENCE);
    String endpoint = intelligence == null ? null : intelligence.getString("cognitiveServicesEndpoint");
    String url = o.getString("transportUrl");
    return new TranscriptionOptions(url == null || url.isBlank() ? null : url,
        canonicalLocale(o.getString("locale")), o.getString("speechModelEndpointId"),
        o.getBoolean("startTranscription", false), o.getBoolean("enableIntermediateResults", false),
        endpoint != null && !endpoint.isBlank());
  }

  /**
   * A recognition locale in canonical form.
   *
   * @throws AcsError 400/8523 "locale is missing" or "only locale that contain region information
   *     are supported", or 400/8523 naming an unknown locale
   */
  static String canonicalLocale(String locale) {
    if (locale == null || locale.isBlank()) {
      throw sync(TranscriptionResult.LOCALE_MISSING);
    }
    if (!locale.contains("-")) {
      throw sync(TranscriptionResult.LOCALE_WITHOUT_REGION);
    }
    try {
      return Locales.requireSupported(locale);
    } catch (IllegalArgumentException e) {
      throw AcsErrors.invalidArgument(e.getMessage());
    }
  }

  /** A catalogue row answered synchronously. */
  static AcsError sync(TranscriptionResult row) {
    return AcsErrors.resultRow(row.code(), row.subCode(), row.message());
  }
}
