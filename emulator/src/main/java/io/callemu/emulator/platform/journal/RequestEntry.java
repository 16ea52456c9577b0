package io.callemu.emulator.platform.journal;

import io.vertx.core.json.JsonObject;

/** A request to an emulated surface and the status it got. */
public final class RequestEntry extends JournalEntry {

  private final String surface;
  private final String method;
  private final String uri;
  private final int status;
  private final boolean replayed;

  /**
   * @param surface which surface served it ({@code acs}, {@code graph}, {@code speech})
   * @param callId the call it was about, or null
   * @param replayed answered from the repeatability cache
   */
  public RequestEntry(String surface, String method, String uri, int status, String callId, boolean replayed) {
    super(Kind.REQUEST, callId, null);
    this.surface = surface;
    this.method = method;
    this.uri = uri;
    this.status = status;
    this.replayed = replayed;
  }

  public int status() {
    return status;
  }

  @Override
  protected void writeFields(JsonObject o) {
    o.put("surface", surface).put("method", method).put("uri", uri).put("status", status);
    if (replayed) {
      o.put("replayed", true);
    }
  }
}
