package io.callemu.emulator.core.party;

/**
 * A phone number (E.164), possibly anonymous (caller id withheld) and possibly carrying an
 * asserted id.
 *
 * @param isAnonymous whether the number is withheld, or null when nobody said (kept so that
 *     surfaces echo what the app sent)
 * @param rawId {@code 4:<value>}, {@code 4:<value>_<assertedId>} or {@code 4:anonymous} unless the
 *     request gave another
 */
public record PhoneNumber(String value, Boolean isAnonymous, String assertedId, String rawId) implements Party {

  /** A plain number, raw id {@code 4:<value>}. */
  public static PhoneNumber of(String e164) {
    return new PhoneNumber(e164, null, null, "4:" + e164);
  }

  /** The number with its raw id derived from its parts. */
  public static PhoneNumber of(String value, Boolean isAnonymous, String assertedId) {
    String raw = Boolean.TRUE.equals(isAnonymous) ? "4:anonymous"
        : "4:" + value + (assertedId == null ? "" : "_" + assertedId);
    return new PhoneNumber(value, isAnonymous, assertedId, raw);
  }

  /** Whether the number is withheld. */
  public boolean anonymous() {
    return Boolean.TRUE.equals(isAnonymous);
  }
}
