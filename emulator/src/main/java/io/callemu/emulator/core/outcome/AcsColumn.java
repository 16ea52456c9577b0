package io.callemu.emulator.core.outcome;

/**
 * How ACS Call Automation reports an outcome: as an event ({@code event} set) with its
 * {@code resultInformation}, or, for a refusal ({@code event} null), as HTTP status {@code code}
 * with {@code error.code} = the subcode. A {@code {}} in the message stands for the refusal's
 * detail.
 *
 * @param event the event name without the {@code Microsoft.Communication.} prefix, or null
 */
public record AcsColumn(String event, int code, int subCode, String message) implements Outcome.Column {

  /** Whether a fault's {@code {event?, code, subCode}} names this column. */
  public boolean matches(String eventName, int code, int subCode) {
    return this.code == code && this.subCode == subCode && event != null
        && (eventName == null || event.equals(eventName) || ("Microsoft.Communication." + event).equals(eventName));
  }

  /** The message with {@code detail} in place of {@code {}}. */
  public String message(String detail) {
    return detail == null ? message : message.replace("{}", detail);
  }
}
