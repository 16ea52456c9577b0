package io.callemu.appbench.plan;

/** How calls reach the app: offered over the Event Grid webhook, or placed by the app when the bench calls its trigger URL. */
public enum EntryKind {
  INBOUND, OUTBOUND;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
