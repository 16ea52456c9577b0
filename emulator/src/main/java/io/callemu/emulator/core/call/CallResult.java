package io.callemu.emulator.core.call;

import io.vertx.core.json.JsonObject;

/**
 * The catalogue of call-level {@code resultInformation} rows callemu emits (reference sections
 * 7.3 and 8.4). Outcomes name a row here; no code or message is written anywhere else.
 */
public enum CallResult {
  /** CallConnected, recorded [JAVA-REC dtmfActions]. */
  CONNECTED("CallConnected", 200, 0, ""),
  /** ParticipantsUpdated, recorded. */
  PARTICIPANTS_UPDATED("ParticipantsUpdated", 200, 0, ""),
  /** CallDisconnected of the leg the app hung up via the API, recorded. */
  ENDED_BY_APP("CallDisconnected", 200, 7000,
      "Call was ended by Azure Communication Service Call Automation API or a server bot. DiagCode: 0#7000.@"),
  /** CallDisconnected when the other side ended the conversation, recorded. */
  ENDED_BY_REMOTE("CallDisconnected", 200, 5001, "This conversation has ended.. DiagCode: 0#5001.@"),
  /** CreateCallFailed when the remote party hangs up while it rings (UNVERIFIED pairing). */
  CALLEE_DECLINED("CreateCallFailed", 603, 8538, "Callee declined the call."),
  /** AnswerFailed for an incomingCallContext whose ringing window passed (subcode 8587). */
  ANSWER_TOO_LATE("AnswerFailed", 400, 8587, "Incoming call not answered within time."),
  /** AnswerFailed for a context callemu never issued or that was already answered/redirected/rejected. */
  ANSWER_UNKNOWN_CONTEXT("AnswerFailed", 404, 8522, "Incoming call not found or already handled.");

  private final String event;
  private final int code;
  private final int subCode;
  private final String message;

  CallResult(String event, int code, int subCode, String message) {
    this.event = event;
    this.code = code;
    this.subCode = subCode;
    this.message = message;
  }

  /** The event name (without the {@code Microsoft.Communication.} prefix). */
  public String event() {
    return event;
  }

  public int code() {
    return code;
  }

  public int subCode() {
    return subCode;
  }

  public String message() {
    return message;
  }

  public JsonObject toJson() {
    return new JsonObject().put("code", code).put("subCode", subCode).put("message", message);
  }
}
