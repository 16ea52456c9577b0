package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Checks the harness's own signer against the signature the JS SDK 1.6.0 produced on the wire. */
class SignedHttpTest {

  @Test
  void signsLikeTheJsSdk() {
    // Captured from the JS SDK 1.6.0 (reference §2.2, [JS-WIRE]).
    String body = "{\"locale\":\"en-AU\",\"operationContext\":\"st\"}";
    String key = Base64.getEncoder().encodeToString("secret".getBytes(StandardCharsets.UTF_8));

    String signature = SignedHttp.signature(key, "POST",
        "/calling/callConnections/c1:startTranscription?api-version=2026-03-12",
        "Sat, 21 Nov 2026 21:02:46 GMT", "localhost:18080", SignedHttp.contentHash(body));

    assertThat(signature).isEqualTo("dWWrr2WNOKvBimc7ogn646aKyShCDCgGpycDCzPEx/U=");
  }

  @Test
  void hashesAnEmptyBodyLikeTheSdks() {
    assertThat(SignedHttp.contentHash("")).isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  }
}
