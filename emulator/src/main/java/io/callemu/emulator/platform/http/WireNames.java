package io.callemu.emulator.platform.http;

import java.util.Locale;

/** How the core's enum constants read on the wire of surfaces that use lower camel case. */
public final class WireNames {

  private WireNames() {
  }

  /** {@code STREAM_CONNECTION_INTERRUPTED} → {@code streamConnectionInterrupted}. */
  public static String camel(Enum<?> value) {
    StringBuilder sb = new StringBuilder();
    boolean upper = false;
    for (char c : value.name().toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return sb.toString();
  }
}
