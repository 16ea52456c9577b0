package io.callemu.emulator.surface.acs.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HmacAuthenticatorTest {

  /** base64("secret"), the key of the vectors recorded in reference §2.2. */
  private static final String KEY = "c2VjcmV0";
  private static final String EMPTY_BODY_HASH = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
  private static final String AUTH_PREFIX =
      "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=";

  // Reference §2.2: signed by @azure/communication-call-automation 1.6.0, recomputed with Node.
  private static final String JS_DATE = "Sat, 21 Nov 2026 21:02:46 GMT";
  private static final SignedRequest JS_REQUEST =
      new SignedRequest(
          "POST",
          "/calling/callConnections/c1:startTranscription?api-version=2026-03-12",
          "localhost:18080",
          JS_DATE,
          "YHnsG9/zfLZIDzx9048y8+4BUW4lpAyzvAN0Fr1H2LA=",
          AUTH_PREFIX + "dWWrr2WNOKvBimc7ogn646aKyShCDCgGpycDCzPEx/U=",
          utf8("{\"locale\":\"en-AU\",\"operationContext\":\"st\"}"));

  private static final Instant JS_INSTANT = Instant.parse("2026-11-21T21:02:46Z");

  private final HmacAuthenticator authenticator = authenticatorAt(JS_INSTANT.plusSeconds(40));

  private static HmacAuthenticator authenticatorAt(Instant now) {
    return new HmacAuthenticator(KEY, Clock.fixed(now, ZoneOffset.UTC), HmacAuthenticator.DEFAULT_MAX_SKEW);
  }

  @Test
  void acceptsTheRecordedJavaScriptSdkRequest() {
    assertThat(authenticator.verify(JS_REQUEST)).isEqualTo(new AuthResult(true, null, null));
  }

  @Test
  void acceptsAJavaSdkStyleRequestWhoseHostHasNoPort() {
    // Java 1.0.4 signs URL.getHost() and sends that as Host; vector computed with Node crypto.
    SignedRequest request =
        new SignedRequest(
            "POST",
            "/calling/callConnections/c1:recognize?api-version=2023-03-06",
            "localhost",
            "Sat, 21 Nov 2026 21:01:57 GMT",
            "J3qk53/keOlX/6784kFmTy0D1qT0RQ9sSGH2lsIfluM=",
            AUTH_PREFIX + "8nl3FOBGU3aH5uE/x3MZJiWobzZHXZZu7+4ZGO5Q+GM=",
            utf8("{\"recognizeInputType\":\"dtmf\",\"operationContext\":\"pin\"}"));

    assertThat(authenticator.verify(request).ok()).isTrue();
  }

  @Test
  void signsThePercentEncodedPathAsReceivedNotItsDecodedForm() {
    // Vector computed with Node crypto over the raw target; an empty body (GET).
    String raw = "/calling/callConnections/a%2Fb%20c?api-version=2026-03-12";
    SignedRequest request =
        new SignedRequest(
            "GET", raw, "localhost:9443", "Sat, 21 Nov 2026 21:05:00 GMT", EMPTY_BODY_HASH,
            AUTH_PREFIX + "2XztPdIH6H+fMRSLriZBN4T50znRV/38Q1tPGyp8GAE=", new byte[0]);

    assertThat(authenticator.verify(request).ok()).isTrue();
    assertThat(
            authenticator.verify(
                withTarget(request, "/calling/callConnections/a/b c?api-version=2026-03-12")))
        .satisfies(result -> assertSignatureMismatch(result));
  }

  @Test
  void emptyAndNullBodiesBothHashToTheEmptyStringDigest() {
    SignedRequest empty = signed(KEY, "POST", "/calling/callConnections/c1:terminate?api-version=2026-03-12",
        "localhost", JS_DATE, new byte[0]);
    assertThat(empty.xMsContentSha256()).isEqualTo(EMPTY_BODY_HASH);

    assertThat(authenticator.verify(empty).ok()).isTrue();
    assertThat(authenticator.verify(withBody(empty, null)).ok()).isTrue();
  }

  @Test
  void rejectsASignatureMadeWithAnotherKey() {
    String otherKey = Base64.getEncoder().encodeToString(utf8("not the secret"));
    SignedRequest request = signed(otherKey, "POST", JS_REQUEST.rawPathAndQuery(), "localhost:18080",
        JS_DATE, JS_REQUEST.body());

    assertSignatureMismatch(authenticator.verify(request));
  }

  @Test
  void rejectsABodyChangedAfterSigning() {
    AuthResult result = authenticator.verify(withBody(JS_REQUEST, utf8("{\"locale\":\"de-DE\",\"operationContext\":\"st\"}")));

    assertFailure(result, "x-ms-content-sha256 does not match the body");
  }

  @Test
  void rejectsABodyWhoseHashHeaderWasUpdatedButNotTheSignature() {
    byte[] body = utf8("{\"locale\":\"de-DE\"}");
    SignedRequest tampered =
        new SignedRequest(JS_REQUEST.method(), JS_REQUEST.rawPathAndQuery(), JS_REQUEST.host(),
            JS_REQUEST.xMsDate(), AcsRequestSigner.contentHash(body), JS_REQUEST.authorization(), body);

    assertSignatureMismatch(authenticator.verify(tampered));
  }

  @Test
  void rejectsAChangedPathQueryHostOrMethod() {
    assertSignatureMismatch(authenticator.verify(
        withTarget(JS_REQUEST, "/calling/callConnections/c2:startTranscription?api-version=2026-03-12")));
    assertSignatureMismatch(authenticator.verify(
        withTarget(JS_REQUEST, "/calling/callConnections/c1:startTranscription?api-version=2023-03-06")));
    assertSignatureMismatch(authenticator.verify(withHost(JS_REQUEST, "localhost")));
    assertSignatureMismatch(authenticator.verify(new SignedRequest("PUT", JS_REQUEST.rawPathAndQuery(),
        JS_REQUEST.host(), JS_DATE, JS_REQUEST.xMsContentSha256(), JS_REQUEST.authorization(), JS_REQUEST.body())));
  }

  @Test
  void theMismatchMessageShowsTheStringToSignButNeverTheExpectedSignature() {
    SignedRequest request = withHost(JS_REQUEST, "127.0.0.1:18080");
    String expected = signed(KEY, "POST", request.rawPathAndQuery(), request.host(), JS_DATE, request.body())
        .authorization().substring(AUTH_PREFIX.length());

    AuthResult result = authenticator.verify(request);

    assertThat(result.message())
        .contains("POST\\n/calling/callConnections/c1:startTranscription?api-version=2026-03-12\\n"
            + JS_DATE + ";127.0.0.1:18080;YHnsG9/zfLZIDzx9048y8+4BUW4lpAyzvAN0Fr1H2LA=")
        .doesNotContain(expected);
  }

  @Test
  void rejectsADateOlderThanTheSkewAsAPossibleReplay() {
    AuthResult result = authenticatorAt(JS_INSTANT.plus(Duration.ofMinutes(16))).verify(JS_REQUEST);

    assertFailure(result, "x-ms-date 'Sat, 21 Nov 2026 21:02:46 GMT' lies 16 minutes in the past");
    assertThat(result.message()).contains("replayed");
  }

  @Test
  void rejectsADateTooFarInTheFuture() {
    AuthResult result = authenticatorAt(JS_INSTANT.minus(Duration.ofMinutes(16))).verify(JS_REQUEST);

    assertFailure(result, "lies 16 minutes in the future");
  }

  @Test
  void acceptsADateExactlyAtTheSkewLimitOnEitherSide() {
    assertThat(authenticatorAt(JS_INSTANT.plus(Duration.ofMinutes(15))).verify(JS_REQUEST).ok()).isTrue();
    assertThat(authenticatorAt(JS_INSTANT.minus(Duration.ofMinutes(15))).verify(JS_REQUEST).ok()).isTrue();
  }

  @Test
  void honoursAConfiguredSkew() {
    HmacAuthenticator strict = new HmacAuthenticator(
        KEY, Clock.fixed(JS_INSTANT.plusSeconds(61), ZoneOffset.UTC), Duration.ofMinutes(1));

    assertFailure(strict.verify(JS_REQUEST), "lies 61 seconds in the past");
  }

  @Test
  void checksTheDateAgainstTheWallClockItWasGiven() {
    Instant now = Instant.parse("2031-02-03T04:05:06Z");
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC));
    SignedRequest request = signed(KEY, "GET", "/calling/callConnections/c1?api-version=2026-03-12",
        "localhost", date, new byte[0]);

    assertThat(authenticatorAt(now).verify(request).ok()).isTrue();
    assertThat(authenticator.verify(request).ok()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"21 Nov 2026 21:02:46", "2026-11-21T21:02:46Z", "Sat, 21 Nov 2026 25:02:46 GMT",
      "Mon, 21 Nov 2026 21:02:46 GMT"})
  void rejectsADateThatIsNotRfc1123(String date) {
    SignedRequest request = signed(KEY, "POST", JS_REQUEST.rawPathAndQuery(), JS_REQUEST.host(), date, JS_REQUEST.body());

    assertFailure(authenticator.verify(request), "is not an RFC 1123 date");
  }

  @Test
  void acceptsHeaderNamesInSignedHeadersInAnyCaseAndALowerCaseScheme() {
    String signature = JS_REQUEST.authorization().substring(AUTH_PREFIX.length());

    assertThat(authenticator.verify(withAuthorization(JS_REQUEST,
        "HMAC-SHA256 SignedHeaders=X-MS-DATE;Host;X-Ms-Content-Sha256&Signature=" + signature)).ok()).isTrue();
    assertThat(authenticator.verify(withAuthorization(JS_REQUEST,
        "hmac-sha256 signedheaders=x-ms-date;host;x-ms-content-sha256&signature=" + signature)).ok()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "HMAC-SHA256",
      "HMAC-SHA256 ",
      "HMAC-SHA256 Signature=abc=",
      "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256",
      "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=",
      "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256;Signature=abc",
      "HMAC-SHA256 SignedHeaders=a&SignedHeaders=b&Signature=abc",
      "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=abc&Extra=1"})
  void rejectsAMalformedAuthorizationHeader(String authorization) {
    assertFailure(authenticator.verify(withAuthorization(JS_REQUEST, authorization)), "malformed Authorization header");
  }

  @ParameterizedTest
  @ValueSource(strings = {"host;x-ms-date;x-ms-content-sha256", "x-ms-date;host", "x-ms-date;host;x-ms-content-sha256;content-type"})
  void rejectsSignedHeadersOtherThanTheThreeTheSdksSign(String signedHeaders) {
    String signature = JS_REQUEST.authorization().substring(AUTH_PREFIX.length());

    assertFailure(authenticator.verify(withAuthorization(JS_REQUEST,
        "HMAC-SHA256 SignedHeaders=" + signedHeaders + "&Signature=" + signature)), "SignedHeaders must be");
  }

  @Test
  void rejectsASignatureThatIsNotBase64() {
    assertFailure(authenticator.verify(withAuthorization(JS_REQUEST, AUTH_PREFIX + "not*base64!")),
        "Signature is not valid base64");
  }

  @Test
  void explainsBearerTokensAndOtherSchemes() {
    assertFailure(authenticator.verify(withAuthorization(JS_REQUEST, "Bearer eyJ0eXAi")), "Bearer (Microsoft Entra ID)");
    assertFailure(authenticator.verify(withAuthorization(JS_REQUEST, "SharedKey abc")), "unsupported Authorization scheme 'SharedKey'");
  }

  @Test
  void namesEachMissingHeader() {
    SignedRequest r = JS_REQUEST;
    assertFailure(authenticator.verify(withAuthorization(r, null)), "missing Authorization header");
    assertFailure(authenticator.verify(withAuthorization(r, " ")), "missing Authorization header");
    assertFailure(authenticator.verify(new SignedRequest(r.method(), r.rawPathAndQuery(), r.host(), null,
        r.xMsContentSha256(), r.authorization(), r.body())), "missing x-ms-date header");
    assertFailure(authenticator.verify(new SignedRequest(r.method(), r.rawPathAndQuery(), r.host(), r.xMsDate(),
        null, r.authorization(), r.body())), "missing x-ms-content-sha256 header");
    assertFailure(authenticator.verify(withHost(r, null)), "missing Host header");
    assertFailure(authenticator.verify(withTarget(r, null)), "no method or request target");
    assertFailure(authenticator.verify(null), "no request");
  }

  @Test
  void everyFailureCarriesTheHmacValidationCodeAndItsOwnMessage() {
    List<AuthResult> failures = List.of(
        authenticator.verify(withAuthorization(JS_REQUEST, null)),
        authenticator.verify(withAuthorization(JS_REQUEST, "HMAC-SHA256 x")),
        authenticator.verify(withAuthorization(JS_REQUEST, "Bearer x")),
        authenticator.verify(withHost(JS_REQUEST, "elsewhere")),
        authenticator.verify(withBody(JS_REQUEST, utf8("{}"))),
        authenticatorAt(JS_INSTANT.plus(Duration.ofHours(1))).verify(JS_REQUEST),
        authenticatorAt(JS_INSTANT.minus(Duration.ofHours(1))).verify(JS_REQUEST));

    Set<String> kinds = new HashSet<>();
    for (AuthResult failure : failures) {
      assertThat(failure.ok()).isFalse();
      assertThat(failure.code()).isEqualTo("7509");
      kinds.add(failure.message());
    }
    assertThat(kinds).hasSize(failures.size());
  }

  @Test
  void refusesAKeyThatIsNotBase64OrEmptyAndANegativeSkew() {
    Clock clock = Clock.systemUTC();
    assertThatThrownBy(() -> new HmacAuthenticator("not base64!", clock, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid base64");
    assertThatThrownBy(() -> new HmacAuthenticator("", clock, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> new HmacAuthenticator(KEY, clock, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
  }

  private static void assertSignatureMismatch(AuthResult result) {
    assertFailure(result, "Signature mismatch");
  }

  private static void assertFailure(AuthResult result, String messagePart) {
    assertThat(result.ok()).isFalse();
    assertThat(result.code()).isEqualTo(HmacAuthenticator.HMAC_VALIDATION_ERROR);
    assertThat(result.message()).contains(messagePart);
  }

  /** A request signed as the SDKs do it, for cases the recorded vectors do not cover. */
  private static SignedRequest signed(String key, String method, String target, String host, String date, byte[] body) {
    Map<String, String> headers = new AcsRequestSigner(key).sign(method, target, host, date, body).asMap();
    return new SignedRequest(method, target, host, date, headers.get("x-ms-content-sha256"),
        headers.get("Authorization"), body);
  }

  private static SignedRequest withTarget(SignedRequest r, String target) {
    return new SignedRequest(r.method(), target, r.host(), r.xMsDate(), r.xMsContentSha256(), r.authorization(), r.body());
  }

  private static SignedRequest withHost(SignedRequest r, String host) {
    return new SignedRequest(r.method(), r.rawPathAndQuery(), host, r.xMsDate(), r.xMsContentSha256(), r.authorization(), r.body());
  }

  private static SignedRequest withBody(SignedRequest r, byte[] body) {
    return new SignedRequest(r.method(), r.rawPathAndQuery(), r.host(), r.xMsDate(), r.xMsContentSha256(), r.authorization(), body);
  }

  private static SignedRequest withAuthorization(SignedRequest r, String authorization) {
    return new SignedRequest(r.method(), r.rawPathAndQuery(), r.host(), r.xMsDate(), r.xMsContentSha256(), authorization, r.body());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
