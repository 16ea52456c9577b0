package io.callemu.emulator.surface.graph.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The applications that may get Graph tokens: those of {@code --graph-app}, or, when none was
 * given, the one well-known application of CONTRACT section 6.
 */
public final class RegisteredApps {

  /** The well-known application's client id (CONTRACT section 6); like the ACS access key, no secret. */
  public static final String WELL_KNOWN_CLIENT_ID = "6d0c6a2e-ca11-4e00-8000-000000000001";
  public static final String WELL_KNOWN_CLIENT_SECRET = "callemu-well-known-client-secret";
  /**
   * The tenant of a Graph caller when no token names one: lenient authentication without a token,
   * and calls offered through the control API.
   */
  public static final String DEFAULT_TENANT_ID = "6d0c6a2e-ca11-4e00-8000-000000000000";

  private final Map<String, byte[]> secrets = new LinkedHashMap<>();

  private RegisteredApps(Map<String, String> apps) {
    apps.forEach((id, secret) -> secrets.put(id, secret.getBytes(StandardCharsets.UTF_8)));
  }

  /** @param configured client id to secret, as {@code CallemuConfig.graphApps()} gives them */
  public static RegisteredApps of(Map<String, String> configured) {
    return new RegisteredApps(configured.isEmpty()
        ? Map.of(WELL_KNOWN_CLIENT_ID, WELL_KNOWN_CLIENT_SECRET) : configured);
  }

  public boolean knows(String clientId) {
    return secrets.containsKey(clientId);
  }

  /** True when {@code clientId} is registered with exactly {@code secret} (compared in constant time). */
  public boolean secretMatches(String clientId, String secret) {
    byte[] expected = secrets.get(clientId);
    return expected != null && secret != null
        && MessageDigest.isEqual(expected, secret.getBytes(StandardCharsets.UTF_8));
  }

  /** The first registered application: whom a request without a token stands for in lenient mode. */
  public String defaultClientId() {
    return secrets.keySet().iterator().next();
  }
}
