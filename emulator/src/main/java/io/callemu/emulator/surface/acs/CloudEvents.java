package io.callemu.emulator.surface.acs;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Builds the CloudEvents 1.0 envelope of a Call Automation callback (reference section 7.1). */
public final class CloudEvents {

  /** Seven fractional digits and {@code +00:00}, as the service writes {@code time}. */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSxxx").withZone(ZoneOffset.UTC);

  public static final String TYPE_PREFIX = "Microsoft.Communication.";

  private CloudEvents() {
  }

  public static JsonObject callEvent(String callConnectionId, String eventName, JsonObject data, Instant time) {
    String source = "calling/callConnections/" + callConnectionId;
    return new JsonObject()
        .put("id", UUID.randomUUID().toString())
        .put("source", source)
        .put("type", TYPE_PREFIX + eventName)
        .put("data", data)
        .put("time", TIME.format(time))
        .put("specversion", "1.0")
        .put("datacontenttype", "application/json")
        .put("subject", source);
  }
}
