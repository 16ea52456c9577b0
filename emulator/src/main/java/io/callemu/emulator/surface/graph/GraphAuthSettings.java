package io.callemu.emulator.surface.graph;

import io.callemu.emulator.settings.Setting;
import java.util.List;

/** The settings of Graph request authentication, listed by {@code GET /_emulator/settings}. */
public final class GraphAuthSettings {

  public static final String AUTH = "graph.auth";
  public static final String CLOCK_SKEW_SECONDS = "graph.auth.clockSkewSeconds";

  public static final String STRICT = "strict";
  public static final String LENIENT = "lenient";

  public static final List<Setting> ALL = List.of(
      Setting.choice(AUTH, STRICT, List.of(STRICT, LENIENT),
          "strict: Graph requests need a bearer token from callemu's token endpoint, unexpired, with the "
              + "application permission the operation needs (401 InvalidAuthenticationToken, 403 Forbidden); "
              + "lenient: any bearer or none (the Graph JS client over plain http sends none)",
          "CONTRACT section 6; official-clients.md 1.1 and 9 (the JS client drops Authorization over http)"),
      Setting.number(CLOCK_SKEW_SECONDS, 300, 0, 3_600,
          "how far past exp (or before nbf) a Graph access token is still accepted, in real seconds",
          "callemu choice: 5 minutes is the default clock skew of Microsoft.IdentityModel token validation"));

  private GraphAuthSettings() {
  }
}
