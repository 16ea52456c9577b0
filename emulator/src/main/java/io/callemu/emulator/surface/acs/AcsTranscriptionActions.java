package io.callemu.emulator.surface.acs;

import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.Requester;
import io.callemu.emulator.core.transcription.TranscriptionRequest;
import io.callemu.emulator.core.transcription.TranscriptionService;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.http.JsonReader;

/**
 * {@code :startTranscription}, {@code :updateTranscription}, {@code :stopTranscription}: 202 with no
 * body, or the synchronous rows of the transcription tutorial (an ended call answers 400/8528, not
 * 404, so the call is looked up among ended ones too).
 */
final class AcsTranscriptionActions {

  private final TranscriptionService transcriptions;

  AcsTranscriptionActions(TranscriptionService transcriptions) {
    this.transcriptions = transcriptions;
  }

  HttpReply start(Call call, JsonReader f) {
    transcriptions.start(call, request(f));
    return HttpReply.empty(202);
  }

  HttpReply update(Call call, JsonReader f) {
    transcriptions.update(call, request(f));
    return HttpReply.empty(202);
  }

  HttpReply stop(Call call, JsonReader f) {
    Requester by = requester(f);
    transcriptions.stop(call, by);
    return HttpReply.empty(202);
  }

  private static TranscriptionRequest request(JsonReader f) {
    String locale = f.optString("locale");
    String model = f.optString("speechModelEndpointId");
    return new TranscriptionRequest(locale, model, requester(f));
  }

  private static Requester requester(JsonReader f) {
    return new Requester(f.optString("operationContext"), f.optHttpUri("operationCallbackUri"));
  }
}
