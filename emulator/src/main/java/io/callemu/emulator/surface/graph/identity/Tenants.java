package io.callemu.emulator.surface.graph.identity;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tenant segment of an identity path: any tenant id or domain name is accepted (CONTRACT
 * section 6); a segment that is neither is refused as Entra ID refuses it.
 */
final class Tenants {

  /** A GUID, or a domain name (one or more labels of letters, digits and inner hyphens). */
  private static final Pattern TENANT = Pattern.compile(
      "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  /** Aliases that name no tenant, over which Entra ID grants no app-only token. */
  private static final Set<String> NOT_FOR_APP_TOKENS = Set.of("common", "consumers");

  private Tenants() {
  }

  /** @throws EntraError AADSTS900023 for a segment that is no tenant id */
  static String check(String tenant) {
    if (tenant == null || !TENANT.matcher(tenant).matches()) {
      throw EntraErrors.invalidTenant(tenant == null ? "" : tenant);
    }
    return tenant;
  }

  /** @throws EntraError AADSTS9001023 for {@code common} and {@code consumers} */
  static void checkIssuesAppTokens(String tenant) {
    if (NOT_FOR_APP_TOKENS.contains(tenant.toLowerCase(Locale.ROOT))) {
      throw EntraErrors.grantNotOverTenantAlias();
    }
  }
}
