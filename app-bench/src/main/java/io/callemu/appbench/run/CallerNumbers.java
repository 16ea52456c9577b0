package io.callemu.appbench.run;

/**
 * The phone number of each profile's callers: inbound calls come from it, outbound calls go to it,
 * and the profile's scenario rules match it as {@code remoteParty}.
 */
final class CallerNumbers {

  private CallerNumbers() {
  }

  static String number(int profileIndex) {
    return String.format("+1555010%04d", profileIndex + 1);
  }

  static String rawId(int profileIndex) {
    return "4:" + number(profileIndex);
  }
}
