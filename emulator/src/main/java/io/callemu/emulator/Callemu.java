package io.callemu.emulator;

import io.callemu.emulator.client.ControlClient;
import io.callemu.emulator.server.EmulatorServer;
import io.callemu.emulator.server.ListeningPorts;
import io.vertx.core.Vertx;
import io.callemu.emulator.tls.DevCertificates;
import io.callemu.emulator.tls.TlsMaterial;
import java.io.IOException;
import java.net.InetAddress;
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

  private String urlHost(boolean tls) {
    String host = config.host();
    boolean local = host.equals("0.0.0.0") || host.equals("::") || isLoopback(host);
    if (local) {
      // The generated certificate names localhost; plain HTTP uses the literal address so that
      // clients never wait on a name lookup.
      return tls ? "localhost" : "127.0.0.1";
    }
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private static boolean isLoopback(String host) {
    try {
      return host.equalsIgnoreCase("localhost") || InetAddress.getByName(host).isLoopbackAddress();
    } catch (Exception e) {
      return false;
    }
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
