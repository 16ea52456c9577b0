package io.callemu.emulator.surface.graph;

import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallState;
import io.callemu.emulator.core.outcome.ActionKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The resources of the Graph calls API as callemu renders them (reference graph-and-speech.md A3,
 * A6–A10): the call, and the operations with their {@code @odata.type}. Every call is
 * service-hosted, peer to peer, audio only.
 */
final class GraphResources {

  static final String RESULT_INFO = "#microsoft.graph.resultInfo";

  private GraphResources() {
  }

  /** Graph's {@code callState} of a call. */
  static String state(Call call) {
    return switch (call.state()) {
      case OFFERED -> "incoming";
      case CONNECTING -> "establishing";
      case CONNECTED -> "established";
      case DISCONNECTED -> "terminated";
    };
  }

  /** The path of a call under the current root, as notifications name it. */
  static String path(Call call) {
    return "/communications/calls/" + call.id();
  }

  /** The call, as a GET or a create answers it and an incoming-call notification carries it. */
  static JsonObject call(Call call) {
    JsonArray targets = new JsonArray();
    call.targets().forEach(t -> targets.add(GraphIdentitySets.invitation(t)));
    JsonObject o = new JsonObject()
        .put("@odata.type", "#microsoft.graph.call")
        .put("id", call.id())
        .put("state", state(call))
        .put("direction", call.direction() == Call.Direction.INBOUND ? "incoming" : "outgoing")
        .put("callbackUri", call.setup().callbackUri())
        .put("callChainId", call.correlationId())
        .put("myParticipantId", myParticipantId(call))
        .put("requestedModalities", new JsonArray().add("audio"))
        .put("mediaConfig", new JsonObject().put("@odata.type", "#microsoft.graph.serviceHostedMediaConfig"))
        .put("source", GraphIdentitySets.participantInfo(call.source()))
        .put("targets", targets)
        .putNull("resultInfo")
        .putNull("toneInfo");
    if (call.setup().app() != null) {
      o.put("tenantId", call.setup().app().tenantId());
    }
    if (call.state() == CallState.CONNECTED) {
      o.put("mediaState", mediaActive());
    } else {
      o.putNull("mediaState");
    }
    return o;
  }

  /** {@code mediaState} of an established service-hosted call: its audio flows. */
  static JsonObject mediaActive() {
    return new JsonObject().put("@odata.type", "#microsoft.graph.callMediaState").put("audio", "active");
  }

  /** The bot's own participant id in the call: stable for the call. */
  private static String myParticipantId(Call call) {
    return UUID.nameUUIDFromBytes(("participant:" + call.id()).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The {@code @odata.type} of an operation of {@code kind}. */
  static String operationType(ActionKind kind) {
    return switch (kind) {
      case RECORD_RESPONSE -> "#microsoft.graph.recordOperation";
      case PLAY_PROMPT -> "#microsoft.graph.playPromptOperation";
      case CONTINUOUS_DTMF -> "#microsoft.graph.subscribeToToneOperation";
      default -> "#microsoft.graph.commsOperation";
    };
  }

  /**
   * An operation as an action's answer shows it: {@code status} and the fields still to come as
   * null (beta also has a null {@code completionReason} for record and playPrompt).
   */
  static JsonObject operation(String type, String id, String status, String clientContext, boolean beta) {
    JsonObject o = new JsonObject().put("@odata.type", type).put("id", id).put("status", status)
        .put("clientContext", clientContext).putNull("resultInfo");
    if (type.equals("#microsoft.graph.recordOperation")) {
      o.putNull("recordingLocation").putNull("recordingAccessToken");
    }
    if (beta && (type.equals("#microsoft.graph.recordOperation") || type.equals("#microsoft.graph.playPromptOperation"))) {
      o.putNull("completionReason");
    }
    return o;
  }
}
