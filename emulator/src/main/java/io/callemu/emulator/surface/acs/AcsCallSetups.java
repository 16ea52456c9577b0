package io.callemu.emulator.surface.acs;

import io.callemu.emulator.core.call.CallSetup;
import io.callemu.emulator.core.call.TranscriptionSetup;
import io.callemu.emulator.core.party.AcsUser;
import io.callemu.emulator.core.party.Party;
import io.callemu.emulator.core.party.PhoneNumber;
import io.callemu.emulator.core.transcription.TranscriptionService;
import io.callemu.emulator.platform.http.JsonReader;
import java.util.List;

/**
 * Reads the call setup of createCall and answerCall: callback, context, caller id, display name,
 * answering identity, {@code callIntelligenceOptions} and {@code transcriptionOptions}; the options
 * this version does not act on ({@code mediaStreamingOptions}, {@code teamsAppSource}) are only
 * type-checked.
 */
final class AcsCallSetups {

  private AcsCallSetups() {
  }

  /** The setup of a createCall body; {@code targets} decide whether a caller id is needed. */
  static CallSetup ofCreate(JsonReader f, List<Party> targets) {
    JsonReader callerIdField = f.optObject("sourceCallerIdNumber");
    PhoneNumber callerId = callerIdField == null ? null : PhoneNumber.of(callerIdField.requireString("value"));
    if (callerId == null && targets.stream().anyMatch(t -> t instanceof PhoneNumber)) {
      throw f.invalid("sourceCallerIdNumber", "is required to call a phone number");
    }
    String displayName = f.optString("sourceDisplayName");
    return setup(f, callerId, displayName, null, "mediaStreamingOptions", "teamsAppSource");
  }

  /** The setup of an answerCall body. */
  static CallSetup ofAnswer(JsonReader f) {
    JsonReader answeredBy = f.optObject("answeredBy");
    Party by = answeredBy == null ? null : new AcsUser(answeredBy.requireString("id"));
    return setup(f, null, null, by, "mediaStreamingOptions");
  }

  private static CallSetup setup(JsonReader f, PhoneNumber callerId, String displayName, Party answeredBy,
      String... checkedOnly) {
    String callbackUri = f.requireHttpUri("callbackUri");
    String context = f.optString("operationContext");
    JsonReader intelligence = f.optObject("callIntelligenceOptions");
    String cognitive = intelligence == null ? null : intelligence.optHttpUri("cognitiveServicesEndpoint");
    TranscriptionSetup transcription = transcription(f.optObject("transcriptionOptions"));
    for (String name : checkedOnly) {
      f.optObject(name);
    }
    return new CallSetup(callbackUri, context, callerId, displayName, answeredBy, cognitive, transcription, null);
  }

  /** {@code transcriptionOptions}: a websocket transport, a locale with a region (the 8523 rows' messages). */
  private static TranscriptionSetup transcription(JsonReader o) {
    if (o == null) {
      return null;
    }
    String transport = o.optString("transportType");
    if (transport != null && !transport.equalsIgnoreCase("websocket")) {
      throw o.invalid("transportType", "must be websocket, got '" + transport + "'");
    }
    String locale = TranscriptionService.canonicalLocale(o.optString("locale"));
    String url = o.optString("transportUrl");
    return new TranscriptionSetup(url == null || url.isBlank() ? null : url, locale,
        o.optString("speechModelEndpointId"), o.optBoolean("startTranscription", false),
        o.optBoolean("enableIntermediateResults", false));
  }
}
