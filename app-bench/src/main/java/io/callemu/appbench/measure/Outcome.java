package io.callemu.appbench.measure;

/** How a call ended, from the bench's point of view. */
public enum Outcome {
  /** The remote party (the profile's caller) hung up: CallDisconnected 5001. */
  CALLER_HUNG_UP("callerHungUp"),
  /** The app hung up: CallDisconnected 7000. */
  APP_HUNG_UP("appHungUp"),
  /** CallDisconnected with another result. */
  DISCONNECTED("disconnected"),
  /** Never connected: the offer or trigger failed, the app did not answer, AnswerFailed or CreateCallFailed. */
  NOT_CONNECTED("notConnected"),
  /** Still going when its time was up ({@code limits.callTimeoutSeconds}, or nothing left that could end it). */
  NEVER_ENDED("neverEnded");

  private final String wire;

  Outcome(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
