package io.callemu.appbench.plan;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a threshold can check, per profile or overall; some take an argument in brackets. */
public enum Metric {
  CALLS("calls", Argument.NONE, true),
  ENDED_CALLS("endedCalls", Argument.NONE, true),
  FAILED_CALLS("failedCalls", Argument.NONE, true),
  NEVER_ENDED("neverEnded", Argument.NONE, true),
  NOT_CONNECTED("notConnected", Argument.NONE, true),
  CALLER_HUNG_UP("callerHungUp", Argument.NONE, true),
  APP_HUNG_UP("appHungUp", Argument.NONE, true),
  WRONG_REQUESTS("wrongRequests", Argument.NONE, true),
  CALLBACK_ERRORS("callbackErrors", Argument.NONE, true),
  LATE_CALLBACKS("lateCallbacks", Argument.NONE, true),
  REACTIONS("reactions", Argument.EVENT_OPTIONAL, true),
  P50_REACTION_MS("p50ReactionMs", Argument.EVENT_OPTIONAL, true),
  P90_REACTION_MS("p90ReactionMs", Argument.EVENT_OPTIONAL, true),
  P99_REACTION_MS("p99ReactionMs", Argument.EVENT_OPTIONAL, true),
  MAX_REACTION_MS("maxReactionMs", Argument.EVENT_OPTIONAL, true),
  MEAN_REACTION_MS("meanReactionMs", Argument.EVENT_OPTIONAL, true),
  RESULT_CODE("resultCode", Argument.SUB_CODE, true),
  EVENT("event", Argument.EVENT_REQUIRED, true),
  TIMER_LATENESS_MAX_MS("timerLatenessMaxMs", Argument.NONE, false),
  LOST_JOURNAL_ENTRIES("lostJournalEntries", Argument.NONE, false);

  /** What may stand in brackets after the metric's name. */
  public enum Argument { NONE, EVENT_OPTIONAL, EVENT_REQUIRED, SUB_CODE }

  private final String wire;
  private final Argument argument;
  private final boolean perProfile;

  Metric(String wire, Argument argument, boolean perProfile) {
    this.wire = wire;
    this.argument = argument;
    this.perProfile = perProfile;
  }

  public String wire() {
    return wire;
  }

  public Argument argument() {
    return argument;
  }

  /** False for measures of the whole run (callemu's timers, the journal), which no profile owns. */
  public boolean perProfile() {
    return perProfile;
  }

  public static Optional<Metric> of(String name) {
    return Arrays.stream(values()).filter(m -> m.wire.equals(name)).findFirst();
  }

  public static String names() {
    return Arrays.stream(values()).map(m -> switch (m.argument) {
      case NONE -> m.wire;
      case EVENT_OPTIONAL -> m.wire + "[Event]?";
      case EVENT_REQUIRED -> m.wire + "[Event]";
      case SUB_CODE -> m.wire + "[subCode]";
    }).collect(Collectors.joining(", "));
  }
}
