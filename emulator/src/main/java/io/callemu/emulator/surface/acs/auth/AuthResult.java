package io.callemu.emulator.surface.acs.auth;

/**
 * The outcome of checking a request's credentials.
 *
 * @param ok whether the request may proceed
 * @param code {@code error.code} for the 401 error envelope; {@code null} when ok
 * @param message {@code error.message} for the 401 error envelope, written for the developer whose
 *     request failed; {@code null} when ok
 */
public record AuthResult(boolean ok, String code, String message) {

  private static final AuthResult SUCCESS = new AuthResult(true, null, null);

  public static AuthResult success() {
    return SUCCESS;
  }

  public static AuthResult failure(String code, String message) {
    return new AuthResult(false, code, message);
  }
}
