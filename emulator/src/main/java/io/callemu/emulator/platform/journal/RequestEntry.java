package io.callemu.emulator.platform.journal;

import io.vertx.core.json.JsonObject;

/** A request to an emulated surface and the status it got. */
public final class RequestEntry extends JournalEntry {

  private final String surface;
  private final String method;
  private final String uri;
  private final int status;
  private final boolean replayed;
  private final JsonObject details;

  /**
   * @param surface which surface served it ({@code acs}, {@code graph}, {@code speech})
   * @param callId the call it was about, or null
   * @param replayed answered from the repeatability cache
   */
  public RequestEntry(String surface, String method, String uri, int status, String callId, boolean replayed) {
    this(surface, method, uri, status, callId, replayed, null);
  }

  /** @param details what else the surface journals of the request (never a secret), or null */
  public RequestEntry(String surface, String method, String uri, int status, String callId, boolean replayed,
      JsonObject details) {
    super(Kind.REQUEST, callId, null);
    this.surface = surface;
    this.method = method;
    this.uri = uri;
    this.status = status;
    this.replayed = replayed;
    this.details = details;
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
    if (details != null) {
      o.mergeIn(details.copy());
    }
  }
}
