package io.callemu.emulator.core.call;

import io.callemu.emulator.core.party.Party;
import io.callemu.emulator.core.party.PhoneNumber;

/**
 * What the app said when it created or answered a call, validated.
 *
 * @param callbackUri where the call's events go (an absolute http(s) URI)
 * @param context the request's context string, echoed by the call's own events, or null
 * @param callerId the number shown to a phone callee, or null
 * @param displayName the name shown to the callee, or null
 * @param answeredBy the identity that answered an inbound call, or null
 * @param cognitiveServicesEndpoint the AI (speech) service configured for the call, or null
 * @param transcription the transcription setup, or null without one
 * @param app the application that owns the call as its identity platform knows it (a Graph bot), or
 *     null when the platform has no such notion (an ACS resource is its own app)
 */
public record CallSetup(String callbackUri, String context, PhoneNumber callerId, String displayName,
    Party answeredBy, String cognitiveServicesEndpoint, TranscriptionSetup transcription, AppIdentity app) {

  /** A setup with only a callback and a context. */
  public static CallSetup of(String callbackUri, String context) {
    return new CallSetup(callbackUri, context, null, null, null, null, null, null);
  }

  /** A setup with only a callback and the owning application. */
  public static CallSetup forApp(String callbackUri, AppIdentity app) {
    return new CallSetup(callbackUri, null, null, null, null, null, null, app);
  }

  /** Whether speech recognition is available on the call (an AI endpoint was configured). */
  public boolean hasCognitiveServices() {
    return cognitiveServicesEndpoint != null && !cognitiveServicesEndpoint.isBlank();
  }
}
