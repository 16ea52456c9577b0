package io.callemu.emulator.surface.acs;

import java.util.List;

/** The Call Automation api-versions callemu accepts (the REST specification's stable and preview folders). */
final class ApiVersions {

  /** Java SDK 1.0.4 (GA1). */
  static final String V2023_03_06 = "2023-03-06";
  /** JS SDK 1.6.0. */
  static final String V2026_03_12 = "2026-03-12";

  static final List<String> KNOWN = List.of("2022-04-07-preview", "2023-01-15-preview",
      V2023_03_06, "2023-06-15-preview", "2023-10-03-preview", "2023-10-15", "2024-04-15",
      "2024-06-15-preview", "2024-09-15", "2025-05-15", V2026_03_12);

  private ApiVersions() {
  }

  /**
   * Checks the {@code api-version} query value.
   *
   * @throws AcsError 400 when missing, or unknown and not {@code loose}
   */
  static String check(String version, boolean loose) {
    if (version == null || version.isEmpty()) {
      throw AcsErrors.missingApiVersion();
    }
    if (!loose && !KNOWN.contains(version)) {
      throw AcsErrors.unsupportedApiVersion(version, KNOWN);
    }
    return version;
  }
}
