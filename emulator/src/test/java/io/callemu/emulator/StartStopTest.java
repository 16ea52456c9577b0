package io.callemu.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line (ready line, port 0, exit codes, SIGTERM) and the embedded start with HTTPS. */
class StartStopTest {

  private static final Pattern READY = Pattern.compile(
      "callemu ready http=(http://127\\.0\\.0\\.1:(\\d+)) https=(\\S+) connectionString=(endpoint=\\S+;accesskey=\\S+)");

  private static Process launch(Path dataDir, String... args) throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(javaBin, "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", dataDir.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(dataDir.resolve("stderr.txt").toFile()).start();
  }

  @Test
  void printsExactlyOneReadyLineServesHealthAndStopsOnSigterm(@TempDir Path dir) throws Exception {
    Process p = launch(dir, "--port", "0", "--https-port", "-1", "--clock", "virtual");
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      Matcher m = READY.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      assertThat(Integer.parseInt(m.group(2))).isPositive();
      assertThat(m.group(3)).isEqualTo("off");
      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(m.group(1) + "/_emulator/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"ready\"").contains("\"version\"");
      p.destroy();
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
      // 128 + SIGTERM: the JVM ran its shutdown hooks (closing Vert.x) and exited.
      assertThat(p.exitValue()).isEqualTo(143);
      assertThat(Files.readString(dir.resolve("stderr.txt"))).doesNotContain("Exception");
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void badOptionsExitWithCode2AndAMessageOnStderr(@TempDir Path dir) throws Exception {
    Process p = launch(dir, "--port", "nope");
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("callemu: --port expects a whole number");
    assertThat(p.getInputStream().readAllBytes()).isEmpty();
  }

  @Test
  void aTakenPortIsABadOptionNamedInTheMessage(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      CallemuConfig c = CallemuConfig.defaults().withPort(port).withHttpsPort(-1).withDataDir(dir);
      assertThatThrownBy(() -> Callemu.start(c)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--port " + port).hasMessageContaining("127.0.0.1:" + port);

      Process p = launch(dir, "--port", Integer.toString(port), "--https-port", "-1");
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(2);
      assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("callemu: --port " + port);
    }
  }

  @Test
  void aLoopbackHostOtherThan127001IsTheAddressAdvertised(@TempDir Path dir) throws Exception {
    try (Callemu emu = Callemu.start(CallemuConfig.defaults().withHost("127.0.0.2").withPort(0).withHttpsPort(-1)
        .withDataDir(dir))) {
      assertThat(emu.httpUrl()).startsWith("http://127.0.0.2:");
      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(emu.httpUrl() + "/_emulator/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    }
    try (Callemu emu = Callemu.start(CallemuConfig.defaults().withHost("::1").withPort(0).withHttpsPort(-1)
        .withDataDir(dir))) {
      assertThat(emu.httpUrl()).startsWith("http://[::1]:");
      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(emu.httpUrl() + "/_emulator/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    }
  }

  @Test
  @SuppressWarnings("try") // closing twice inside the block is the check
  void embeddedStartServesHttpsWithTheGeneratedCertificateAndTrustStore(@TempDir Path dir) throws Exception {
    try (Callemu emu = Callemu.start(CallemuConfig.defaults().withPort(0).withHttpsPort(0).withDataDir(dir))) {
      assertThat(emu.httpsUrl()).startsWith("https://localhost:");
      assertThat(emu.connectionString()).isEqualTo("endpoint=" + emu.httpsUrl() + "/;accesskey=" + emu.accessKey());
      assertThat(emu.httpConnectionString()).isEqualTo("endpoint=" + emu.httpUrl() + "/;accesskey=" + emu.accessKey());
      assertThat(emu.readyLine()).matches(READY);
      assertThat(Files.exists(emu.caPem())).isTrue();
      KeyStore trust = KeyStore.getInstance("PKCS12");
      try (var in = Files.newInputStream(emu.trustStore())) {
        trust.load(in, "changeit".toCharArray());
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      HttpResponse<String> health = HttpClient.newBuilder().sslContext(ssl).build().send(
          HttpRequest.newBuilder(URI.create(emu.httpsUrl() + "/_emulator/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      emu.close();
      emu.close();
      assertThatThrownBy(() -> HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(emu.httpUrl() + "/_emulator/health")).build(),
          HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }
  }
}
