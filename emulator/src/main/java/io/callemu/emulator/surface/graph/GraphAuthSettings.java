package io.callemu.emulator.surface.graph;

import io.callemu.emulator.core.settings.Setting;
import java.util.List;

/** The settings of Graph request authentication, listed by {@code GET /_emulator/settings}. */
public final class GraphAuthSettings {

  /** How strictly Graph requests are authenticated. */
  public enum Mode implements Setting.Choice {
    STRICT, LENIENT
  }

  public static final Setting<Mode> AUTH = Setting.choice("graph.auth", Mode.STRICT, Mode.class,
      "strict: Graph requests need a bearer token from callemu's token endpoint, unexpired, with the "
          + "application permission the operation needs (401 InvalidAuthenticationToken, 403 Forbidden); "
          + "lenient: any bearer or none (the Graph JS client over plain http sends none)",
      "CONTRACT section 6; the Graph JS client drops Authorization over http");
  public static final Setting<Long> CLOCK_SKEW_SECONDS = Setting.number("graph.auth.clockSkewSeconds", 300, 0,
      3_600, "how far past exp (or before nbf) a Graph access token is still accepted, in real seconds",
      "callemu choice: 5 minutes is the default clock skew of Microsoft.IdentityModel token validation");

  public static final List<Setting<?>> ALL = List.of(AUTH, CLOCK_SKEW_SECONDS);

  private GraphAuthSettings() {
  }
}
