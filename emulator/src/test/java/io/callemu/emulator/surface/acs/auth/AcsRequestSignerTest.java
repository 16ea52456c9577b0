package io.callemu.emulator.surface.acs.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcsRequestSignerTest {

  /** base64("secret"), the key of the vectors recorded in reference §2.2. */
  private static final String KEY = "c2VjcmV0";
  private static final String AUTH_PREFIX =
      "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=";
  private static final String TRANSCRIPTION_TARGET =
      "/calling/callConnections/c1:startTranscription?api-version=2026-03-12";
  private static final byte[] TRANSCRIPTION_BODY = utf8("{\"locale\":\"en-AU\",\"operationContext\":\"st\"}");
  private static final Instant JS_SIGNED_AT = Instant.parse("2026-11-21T21:02:46Z");

  private final AcsRequestSigner signer = new AcsRequestSigner(KEY);

  @Test
  void reproducesTheRequestSignedByTheJavaScriptSdk() {
    // Reference §2.2: captured from @azure/communication-call-automation 1.6.0, checked with Node.
    AcsRequestSigner.Headers headers =
        signer.sign("POST", TRANSCRIPTION_TARGET, "localhost:18080", JS_SIGNED_AT, TRANSCRIPTION_BODY);

    assertThat(headers.xMsDate()).isEqualTo("Sat, 21 Nov 2026 21:02:46 GMT");
    assertThat(headers.xMsContentSha256()).isEqualTo("YHnsG9/zfLZIDzx9048y8+4BUW4lpAyzvAN0Fr1H2LA=");
    assertThat(headers.authorization()).isEqualTo(AUTH_PREFIX + "dWWrr2WNOKvBimc7ogn646aKyShCDCgGpycDCzPEx/U=");
  }

  @Test
  void reproducesAJavaSdkStyleSignatureOverAHostWithoutPort() {
    // The vector HmacAuthenticatorTest accepts for Java 1.0.4 (computed with Node crypto).
    AcsRequestSigner.Headers headers = signer.sign("POST",
        "/calling/callConnections/c1:recognize?api-version=2023-03-06", "localhost",
        Instant.parse("2026-11-21T21:01:57Z"),
        utf8("{\"recognizeInputType\":\"dtmf\",\"operationContext\":\"pin\"}"));

    assertThat(headers.authorization()).isEqualTo(AUTH_PREFIX + "8nl3FOBGU3aH5uE/x3MZJiWobzZHXZZu7+4ZGO5Q+GM=");
  }

  @Test
  void isAcceptedByTheEmulatorsAuthenticator() {
    Instant now = Instant.parse("2026-11-21T21:30:00.750Z");
    HmacAuthenticator authenticator =
        new HmacAuthenticator(KEY, Clock.fixed(now, ZoneOffset.UTC), HmacAuthenticator.DEFAULT_MAX_SKEW);
    byte[] body = utf8("{\"targets\":[],\"callbackUri\":\"http://127.0.0.1:1/cb\"}");
    String target = "/calling/callConnections?api-version=2026-03-12";

    AcsRequestSigner.Headers headers = signer.sign("post", target, "127.0.0.1:9080", now, body);

    assertThat(authenticator.verify(request("POST", target, "127.0.0.1:9080", headers, body)))
        .isEqualTo(AuthResult.success());
    assertThat(authenticator.verify(request("POST", target, "127.0.0.1:9443", headers, body)).ok())
        .as("signed for another Host").isFalse();
    assertThat(authenticator.verify(request("POST", target, "127.0.0.1:9080", headers, utf8("{}"))).ok())
        .as("body changed after signing").isFalse();
    AcsRequestSigner.Headers otherKey =
        new AcsRequestSigner("b3RoZXI=").sign("POST", target, "127.0.0.1:9080", now, body);
    assertThat(authenticator.verify(request("POST", target, "127.0.0.1:9080", otherKey, body)).ok())
        .as("signed with another key").isFalse();
  }

  @Test
  void anAbsentBodyIsSignedAsAnEmptyOne() {
    AcsRequestSigner.Headers none = signer.sign("GET", "/calling/callConnections/c1", "h", JS_SIGNED_AT, null);
    AcsRequestSigner.Headers empty = signer.sign("GET", "/calling/callConnections/c1", "h", JS_SIGNED_AT, new byte[0]);

    assertThat(none).isEqualTo(empty);
    assertThat(none.xMsContentSha256()).isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  }

  @Test
  void writesTheDateLikeJavaScriptsToUtcString() {
    // Two-digit day and no fraction, as Date.toUTCString(); RFC_1123_DATE_TIME would write "1 Nov".
    AcsRequestSigner.Headers headers =
        signer.sign("GET", "/", "h", Instant.parse("2026-11-01T09:05:03.999Z"), null);

    assertThat(headers.xMsDate()).isEqualTo("Sun, 01 Nov 2026 09:05:03 GMT");
  }

  @Test
  void givesTheHeadersUnderTheirWireNamesInSdkOrder() {
    AcsRequestSigner.Headers headers =
        signer.sign("POST", TRANSCRIPTION_TARGET, "localhost:18080", JS_SIGNED_AT, TRANSCRIPTION_BODY);

    assertThat(headers.asMap()).containsExactly(
        Map.entry("x-ms-date", headers.xMsDate()),
        Map.entry("x-ms-content-sha256", headers.xMsContentSha256()),
        Map.entry("Authorization", headers.authorization()));
  }

  @Test
  void refusesAKeyThatIsNotBase64OrEmpty() {
    assertThatThrownBy(() -> new AcsRequestSigner("not base64!"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64");
    assertThatThrownBy(() -> new AcsRequestSigner(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
  }

  private static SignedRequest request(
      String method, String target, String host, AcsRequestSigner.Headers headers, byte[] body) {
    return new SignedRequest(method, target, host, headers.xMsDate(), headers.xMsContentSha256(),
        headers.authorization(), body);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
