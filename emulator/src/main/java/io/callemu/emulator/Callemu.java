package io.callemu.emulator;

import io.callemu.emulator.client.ControlClient;
import io.callemu.emulator.platform.server.EmulatorServer;
import io.callemu.emulator.platform.server.ListeningPorts;
import io.callemu.emulator.surface.control.console.ConsolePage;
import io.vertx.core.Vertx;
import io.callemu.emulator.platform.tls.DevCertificates;
import io.callemu.emulator.platform.tls.TlsMaterial;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One running emulator, started in-process with {@link #start(CallemuConfig)}: the embedded form
 * of {@code java -jar callemu.jar}. Closing it stops its servers and timers.
 */
public final class Callemu implements AutoCloseable {

  /**
   * The published default access key of the emulated ACS resource (base64). It is no secret: like
   * Azurite's account key it lets every test and sample use the same connection string.
   */
  public static final String WELL_KNOWN_ACCESS_KEY =
      "Y2FsbGVtdS13ZWxsLWtub3duLWFjY2Vzcy1rZXktZm9yLWxvY2FsLXRlc3Rpbmctb25seS0wMTIzNDU2Nzg5YWI=";

  /**
   * The published default key of the emulated Speech resource (CONTRACT section 7), no secret either:
   * Speech SDK apps pass it as their subscription key.
   */
  public static final String WELL_KNOWN_SPEECH_KEY = "callemu-well-known-speech-key";

  private static final long START_TIMEOUT_SECONDS = 30;

  private final CallemuConfig config;
  private final Vertx vertx;
  private final ListeningPorts ports;
  private final TlsMaterial tls;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Callemu(CallemuConfig config, Vertx vertx, ListeningPorts ports, TlsMaterial tls) {
    this.config = config;
    this.vertx = vertx;
    this.ports = ports;
    this.tls = tls;
  }

  /**
   * Starts an emulator and returns once it serves requests (the moment the command line prints its
   * ready line).
   *
   * @throws IllegalArgumentException for a bad configuration
   * @throws IllegalStateException when it cannot start (port taken, unreadable certificate, ...)
   */
  public static Callemu start(CallemuConfig config) {
    config.validate();
    // Blocking preparation (certificate generation, file reads) happens here, on the caller's
    // thread, never on an event loop.
    TlsMaterial tls = tlsMaterial(config);
    String scenario = readScenario(config);
    EmulatorServer server = new EmulatorServer(config, tls, scenario);
    Vertx vertx = Vertx.vertx();
    try {
      vertx.deployVerticle(server).toCompletionStage().toCompletableFuture()
          .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return new Callemu(config, vertx, server.ports(), tls);
    } catch (ExecutionException e) {
      closeQuietly(vertx);
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException) {
        throw (IllegalArgumentException) cause;
      }
      throw new IllegalStateException("callemu could not start: " + describe(cause), cause);
    } catch (TimeoutException e) {
      closeQuietly(vertx);
      throw new IllegalStateException("callemu did not start within " + START_TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(vertx);
      throw new IllegalStateException("interrupted while starting callemu", e);
    }
  }

  private static TlsMaterial tlsMaterial(CallemuConfig config) {
    if (config.httpsPort() < 0) {
      return null;
    }
    if (config.certPem() != null) {
      for (Path p : new Path[] {config.certPem(), config.keyPem()}) {
        if (!Files.isReadable(p)) {
          throw new IllegalArgumentException("cannot read " + p);
        }
      }
      return new TlsMaterial(config.certPem(), config.keyPem(), config.certPem(),
          config.dataDir().resolve("truststore.p12"));
    }
    try {
      return DevCertificates.ensure(config.dataDir());
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot prepare the HTTPS certificate in " + config.dataDir()
          + ": " + describe(e), e);
    }
  }

  private static String readScenario(CallemuConfig config) {
    if (config.scenario() == null) {
      return null;
    }
    try {
      return Files.readString(config.scenario());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read scenario " + config.scenario() + ": " + describe(e));
    }
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null ? t.getClass().getSimpleName() : message;
  }

  private static void closeQuietly(Vertx vertx) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // Start-up already failed; that failure is what the caller needs to see.
    }
  }

  /** {@code http://127.0.0.1:<port>} (the bound host when it is not a loopback or wildcard address). */
  public String httpUrl() {
    return "http://" + urlHost(false) + ":" + ports.http();
  }

  /** {@code https://localhost:<port>}; null when HTTPS is off. */
  public String httpsUrl() {
    return ports.https() < 0 ? null : "https://" + urlHost(true) + ":" + ports.https();
  }

  /**
   * The host of the advertised URLs: the bound address itself (IPv6 in brackets), except that the
   * wildcard and the usual loopback advertise 127.0.0.1 for HTTP (no name lookup) and localhost for
   * HTTPS (the name the generated certificate carries).
   */
  private String urlHost(boolean tls) {
    String host = config.host();
    boolean usualLocal = host.equals("0.0.0.0") || host.equals("::") || host.equals("127.0.0.1")
        || host.equalsIgnoreCase("localhost");
    if (usualLocal) {
      return tls ? "localhost" : "127.0.0.1";
    }
    return host.contains(":") ? "[" + host + "]" : host;
  }



  /** The web console's address (CONTRACT section 9) on the HTTP port. */
  public String consoleUrl() {
    return httpUrl() + ConsolePage.PATH;
  }

  /** The ACS connection string of the HTTPS endpoint (HTTP when HTTPS is off), as the ready line. */
  public String connectionString() {
    String https = httpsUrl();
    return https == null ? httpConnectionString() : "endpoint=" + https + "/;accesskey=" + accessKey();
  }

  /** The same access key with the plain HTTP endpoint (for JS with allowInsecureConnection). */
  public String httpConnectionString() {
    return "endpoint=" + httpUrl() + "/;accesskey=" + accessKey();
  }

  public String accessKey() {
    return config.accessKey();
  }

  /** The Speech resource key ({@code --speech-key}). */
  public String speechKey() {
    return config.speechKey();
  }

  public Path dataDir() {
    return config.dataDir();
  }

  /** PEM of the certificate apps trust ({@code NODE_EXTRA_CA_CERTS}). */
  public Path caPem() {
    return tls != null ? tls.caPem() : config.dataDir().resolve("ca.pem");
  }

  /** PKCS12 trust store for Java apps, password {@code changeit}. */
  public Path trustStore() {
    return tls != null ? tls.trustStore() : config.dataDir().resolve("truststore.p12");
  }

  /**
   * Trust for one HTTPS client of callemu (an SDK's HTTP client), not the whole JVM: a factory whose
   * trust managers trust callemu's certificate and nothing else. For azure-core's Netty client:
   * {@code SslContextBuilder.forClient().trustManager(callemu.trustManagerFactory())}.
   *
   * @throws IllegalStateException when HTTPS is off or the trust store cannot be read
   */
  public TrustManagerFactory trustManagerFactory() {
    if (tls == null) {
      throw new IllegalStateException("HTTPS is off (--https-port -1): there is no certificate to trust");
    }
    try (var in = Files.newInputStream(trustStore())) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, "changeit".toCharArray());
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read callemu's trust store " + trustStore() + ": " + e, e);
    }
  }

  /** The trust manager of {@link #trustManagerFactory()} (OkHttp's {@code sslSocketFactory} wants both). */
  public X509TrustManager trustManager() {
    for (TrustManager m : trustManagerFactory().getTrustManagers()) {
      if (m instanceof X509TrustManager x) {
        return x;
      }
    }
    throw new IllegalStateException("the JDK gave no X509TrustManager");
  }

  /** A TLS context trusting callemu's certificate only (for {@code java.net.http.HttpClient} and the like). */
  public SSLContext sslContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagerFactory().getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a TLS context: " + e, e);
    }
  }

  /** A blocking client of the control API, carrying the control token (tests and tools only). */
  public ControlClient control() {
    return new ControlClient(httpUrl(), config.controlToken());
  }

  public CallemuConfig config() {
    return config;
  }

  /** The line {@link Main} prints when ready. */
  public String readyLine() {
    String https = httpsUrl();
    return "callemu ready http=" + httpUrl() + " https=" + (https == null ? "off" : https)
        + " connectionString=" + connectionString();
  }

  /** Stops servers and timers; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeQuietly(vertx);
  }
}
