package io.callemu.emulator.platform.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serves HTTPS with the generated certificate and connects with the clients apps really use: the
 * JDK HTTP client with the trust store, and Node with {@code NODE_EXTRA_CA_CERTS=ca.pem}; and
 * checks that trusting it trusts nothing else made with its key (its path length and name
 * constraints, as the clients enforce them).
 */
class DevCertificatesInteropTest {

  /** Fetches https://localhost and https://127.0.0.1 and prints "host status body" per line. */
  private static final String NODE_CLIENT =
      """
      const https = require('https');
      const port = process.argv[1];
      const get = (url) => new Promise((resolve, reject) =>
        https.get(url, {family: 4}, (res) => {
          let body = '';
          res.on('data', (chunk) => body += chunk);
          res.on('end', () => resolve(res.statusCode + ' ' + body));
        }).on('error', reject));
      (async () => {
        for (const host of ['localhost', '127.0.0.1']) {
          console.log(host + ' ' + await get(`https://${host}:${port}/`));
        }
      })().catch((e) => { console.log('error ' + e.code); process.exit(3); });
      """;

  /**
   * Fetches https://127.0.0.1 naming the server argv[2] (SNI and host check) and prints
   * "status body", or "error CODE message" when the TLS client refused the certificate.
   */
  private static final String NODE_NAMED_CLIENT =
      """
      const https = require('https');
      const [port, name] = [process.argv[1], process.argv[2]];
      https.get({host: '127.0.0.1', port, servername: name, headers: {host: name}, path: '/'}, (res) => {
        let body = '';
        res.on('data', (chunk) => body += chunk);
        res.on('end', () => console.log(res.statusCode + ' ' + body));
      }).on('error', (e) => { console.log('error ' + e.code + ' ' + e.message); process.exit(3); });
      """;

  @TempDir Path dir;
  private TlsMaterial material;
  private HttpsServer server;

  @BeforeEach
  void serveHttpsWithTheDevelopmentCertificate() throws Exception {
    material = DevCertificates.ensure(dir);
    server = serve(TestTls.serverContext(material));
  }

  private static HttpsServer serve(SSLContext context) throws IOException {
    HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(context));
    https.createContext(
        "/",
        exchange -> {
          byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    https.start();
    return https;
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /** Replaces the server with one presenting {@code chain}, made with the development key. */
  private void serveForged(KeyPair leafKeys, X509Certificate... chain) throws Exception {
    server.stop(0);
    server = serve(TestTls.serverContext(leafKeys.getPrivate(), chain));
  }

  private X509Certificate developmentCertificate() throws IOException {
    return Pem.readCertificate(material.certPem());
  }

  @Test
  void nodeTrustingCaPemRefusesALeafForAnotherNameSignedWithTheDevelopmentKey() throws Exception {
    assumeTrue(nodeAvailable(), "node is not on the PATH");
    KeyPair leafKeys = TestCertificates.ecKeyPair();
    serveForged(leafKeys, TestCertificates.issue(developmentCertificate(), Pem.readPrivateKey(material.keyPem()),
        leafKeys, "evil.example", false));

    String output = runNode(NODE_NAMED_CLIENT, Map.of("NODE_EXTRA_CA_CERTS", material.caPem().toString()),
        "evil.example");

    // OpenSSL's X509_V_ERR_PERMITTED_VIOLATION, which Node has no code for.
    assertThat(output).isEqualTo("error UNSPECIFIED permitted subtree violation\n");
  }

  @Test
  void nodeTrustingCaPemRefusesAChainThroughASecondCaSignedWithTheDevelopmentKey() throws Exception {
    assumeTrue(nodeAvailable(), "node is not on the PATH");
    KeyPair secondCaKeys = TestCertificates.ecKeyPair();
    X509Certificate secondCa = TestCertificates.issue(developmentCertificate(),
        Pem.readPrivateKey(material.keyPem()), secondCaKeys, null, true);
    KeyPair leafKeys = TestCertificates.ecKeyPair();
    serveForged(leafKeys, TestCertificates.issue(secondCa, secondCaKeys.getPrivate(), leafKeys, "localhost", false),
        secondCa);

    String output = runNode(NODE_NAMED_CLIENT, Map.of("NODE_EXTRA_CA_CERTS", material.caPem().toString()),
        "localhost");

    assertThat(output).isEqualTo("error PATH_LENGTH_EXCEEDED path length constraint exceeded\n");
  }

  @Test
  void jdkHttpClientTrustingOnlyTheTrustStoreConnectsByNameAndByIp() throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(TestTls.clientContextTrusting(material.trustStore()))
            .build();

    for (String host : List.of("localhost", "127.0.0.1")) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("https://" + host + ":" + port() + "/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).as(host).isEqualTo("ok");
    }
  }

  @Test
  void nodeTrustsTheCertificateThroughNodeExtraCaCerts() throws Exception {
    assumeTrue(nodeAvailable(), "node is not on the PATH");

    String output = runNode(NODE_CLIENT, Map.of("NODE_EXTRA_CA_CERTS", material.caPem().toString()));

    assertThat(output).isEqualTo("localhost 200 ok\n127.0.0.1 200 ok\n");
  }

  @Test
  void nodeRejectsTheCertificateWithoutNodeExtraCaCerts() throws Exception {
    assumeTrue(nodeAvailable(), "node is not on the PATH");

    String output = runNode(NODE_CLIENT, Map.of());

    assertThat(output).isEqualTo("error DEPTH_ZERO_SELF_SIGNED_CERT\n");
  }

  private int port() {
    return server.getAddress().getPort();
  }

  private String runNode(String script, Map<String, String> extraEnv, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("node", "-e", script, String.valueOf(port())));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("NODE_EXTRA_CA_CERTS");
    builder.environment().remove("NODE_TLS_REJECT_UNAUTHORIZED");
    builder.environment().putAll(extraEnv);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return output;
  }

  private static boolean nodeAvailable() {
    try {
      Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
