package io.callemu.emulator.surface.acs.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks ACS HMAC-SHA256 request signatures the way the cloud service does, so an app whose
 * credentials code is wrong fails against callemu too instead of first failing in production.
 *
 * <p>The string to sign is rebuilt from the request exactly as received: {@code VERB\n} +
 * raw path and query + {@code \n} + {@code x-ms-date;Host;x-ms-content-sha256}. Using the raw
 * request target and the received {@code Host} header is what makes both SDKs pass: JS signs
 * {@code host:port}, Java signs the bare host name and overwrites the wire {@code Host} header with
 * it (reference §2.2).
 *
 * <p>The date is compared with the <em>wall</em> clock even when the emulator runs on a virtual
 * clock, because the SDK stamps requests with the real time of the machine.
 *
 * <p>Every failure carries {@code error.code} {@value #HMAC_VALIDATION_ERROR}: the real body of the
 * service's 401 is not documented (reference §2.2, UNVERIFIED), Call Automation reports its
 * subcodes as {@code error.code}, and 7509 "Hmac Validation Error" is the documented subcode for
 * exactly this failure. The messages differ per cause and name the fix, since an emulator's user is
 * debugging their own code; they never reveal the expected signature, which would let any caller
 * forge requests.
 *
 * <p>Immutable and thread-safe; {@link #verify} never throws.
 */
public final class HmacAuthenticator {

  /** {@code error.code} of every authentication failure (generic subcode "Hmac Validation Error"). */
  public static final String HMAC_VALIDATION_ERROR = "7509";

  /** The skew tolerated by default; the service's own tolerance is UNVERIFIED (reference §2.2). */
  public static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(15);

  private static final String SCHEME = "HMAC-SHA256";
  private static final List<String> SIGNED_HEADERS = List.of("x-ms-date", "host", "x-ms-content-sha256");
  private static final String EXPECTED_FORM =
      SCHEME + " SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=<base64>";

  private final SecretKeySpec key;
  private final Clock wallClock;
  private final Duration maxSkew;

  /**
   * @param base64AccessKey the resource's access key as it appears in the connection string; its
   *     decoded bytes are the HMAC key, as in both SDKs
   * @param wallClock the real time, against which {@code x-ms-date} is checked
   * @param maxSkew how far {@code x-ms-date} may lie from {@code wallClock} in either direction
   * @throws IllegalArgumentException when the key is not non-empty base64 or the skew is negative
   */
  public HmacAuthenticator(String base64AccessKey, Clock wallClock, Duration maxSkew) {
    this.key = AcsHmac.key(base64AccessKey);
    this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
    if (maxSkew.isNegative()) {
      throw new IllegalArgumentException("maxSkew must not be negative, was " + maxSkew);
    }
  }

  /** Checks the request's signature; a failure explains what is wrong and never throws. */
  public AuthResult verify(SignedRequest request) {
    if (request == null) {
      return failure("no request to authenticate");
    }
    if (isBlank(request.method()) || isBlank(request.rawPathAndQuery())) {
      return failure("the request has no method or request target to authenticate");
    }
    AuthorizationHeader authorization = AuthorizationHeader.parse(request.authorization());
    String problem = authorization.problem();
    if (problem == null) {
      problem = dateProblem(request.xMsDate());
    }
    if (problem == null) {
      problem = bodyProblem(request.xMsContentSha256(), request.body());
    }
    if (problem == null) {
      problem = signatureProblem(request, authorization.signature());
    }
    return problem == null ? AuthResult.success() : failure(problem);
  }

  private String dateProblem(String date) {
    if (isBlank(date)) {
      return "missing x-ms-date header";
    }
    Instant signedAt;
    try {
      signedAt = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return "x-ms-date '" + date + "' is not an RFC 1123 date such as 'Sat, 21 Nov 2026 21:02:46 GMT'";
    }
    Instant now = wallClock.instant();
    Duration offset = Duration.between(now, signedAt);
    if (offset.abs().compareTo(maxSkew) <= 0) {
      return null;
    }
    return "x-ms-date '" + date + "' lies " + describe(offset.abs())
        + (offset.isNegative() ? " in the past" : " in the future")
        + " of callemu's clock (" + DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC))
        + "); more than " + describe(maxSkew)
        + " is rejected to stop replayed requests. Check the machine's clock";
  }

  private static String bodyProblem(String contentHash, byte[] body) {
    if (isBlank(contentHash)) {
      return "missing x-ms-content-sha256 header";
    }
    String bodyHash = AcsHmac.contentHash(body);
    if (MessageDigest.isEqual(
        bodyHash.getBytes(StandardCharsets.US_ASCII), contentHash.getBytes(StandardCharsets.US_ASCII))) {
      return null;
    }
    return "x-ms-content-sha256 does not match the body: the body received hashes to "
        + bodyHash + "; was the body changed after signing?";
  }

  /** Runs last: the string to sign uses the date and hash headers already checked above. */
  private String signatureProblem(SignedRequest request, byte[] providedSignature) {
    if (isBlank(request.host())) {
      return "missing Host header";
    }
    String stringToSign = AcsHmac.stringToSign(request.method(), request.rawPathAndQuery(),
        request.xMsDate(), request.host(), request.xMsContentSha256());
    if (MessageDigest.isEqual(AcsHmac.hmac(key, stringToSign), providedSignature)) {
      return null;
    }
    return "Signature mismatch for the string to sign \""
        + stringToSign.replace("\n", "\\n")
        + "\". Check that the connection string carries callemu's access key and that nothing"
        + " between the app and callemu rewrites the Host header or the path";
  }

  private static AuthResult failure(String message) {
    return AuthResult.failure(HMAC_VALIDATION_ERROR, message);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String describe(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds % 60 == 0 ? seconds / 60 + " minutes" : seconds + " seconds";
  }

  /**
   * {@code HMAC-SHA256 SignedHeaders=…&Signature=…}: scheme and parameter names matched
   * case-insensitively (HTTP auth schemes are), header names in SignedHeaders too.
   */
  private record AuthorizationHeader(byte[] signature, String problem) {

    static AuthorizationHeader parse(String header) {
      if (isBlank(header)) {
        return problem("missing Authorization header; expected " + EXPECTED_FORM);
      }
      String[] schemeAndRest = header.trim().split("\\s+", 2);
      if (schemeAndRest[0].equalsIgnoreCase("Bearer")) {
        return problem(
            "Bearer (Microsoft Entra ID) tokens are not accepted by callemu; build the client from"
                + " the connection string so it signs requests with the access key (HMAC-SHA256)");
      }
      if (!schemeAndRest[0].equalsIgnoreCase(SCHEME)) {
        return problem("unsupported Authorization scheme '" + schemeAndRest[0] + "'; expected " + EXPECTED_FORM);
      }
      String signedHeaders = null;
      String signature = null;
      for (String pair : (schemeAndRest.length > 1 ? schemeAndRest[1] : "").trim().split("&", -1)) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? null : pair.substring(0, equals).trim();
        if (name == null) {
          return malformed("'" + pair + "' is not name=value");
        } else if (name.equalsIgnoreCase("SignedHeaders") && signedHeaders == null) {
          signedHeaders = pair.substring(equals + 1);
        } else if (name.equalsIgnoreCase("Signature") && signature == null) {
          signature = pair.substring(equals + 1).trim();
        } else {
          return malformed("unexpected or repeated parameter '" + name + "'");
        }
      }
      if (signedHeaders == null) {
        return malformed("no SignedHeaders");
      }
      if (signature == null || signature.isEmpty()) {
        return malformed("no Signature");
      }
      List<String> names =
          Arrays.stream(signedHeaders.toLowerCase(Locale.ROOT).split(";", -1)).map(String::trim).toList();
      if (!names.equals(SIGNED_HEADERS)) {
        return problem(
            "SignedHeaders must be x-ms-date;host;x-ms-content-sha256 in this order, was '" + signedHeaders + "'");
      }
      try {
        return new AuthorizationHeader(Base64.getDecoder().decode(signature), null);
      } catch (IllegalArgumentException e) {
        return problem("the Authorization Signature is not valid base64");
      }
    }

    private static AuthorizationHeader malformed(String what) {
      return problem("malformed Authorization header: " + what + "; expected " + EXPECTED_FORM);
    }

    private static AuthorizationHeader problem(String problem) {
      return new AuthorizationHeader(null, problem);
    }
  }
}
