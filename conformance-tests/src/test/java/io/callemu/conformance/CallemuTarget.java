package io.callemu.conformance;

import io.callemu.emulator.Callemu;
import io.callemu.emulator.CallemuConfig;
import io.callemu.emulator.client.ControlClient;
import io.callemu.emulator.platform.tls.DevCertificates;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The callemu the suite talks to: by default an embedded one started for the test class (ports 0,
 * a temp data dir); with {@code -Dcallemu.connectionString=...} a running one instead.
 *
 * <p>System properties for a running callemu:
 * <ul>
 *   <li>{@code callemu.connectionString} — the HTTPS connection string (as its ready line prints)</li>
 *   <li>{@code callemu.httpConnectionString} — the same with {@code endpoint=http://host:port/}
 *       (default: derived from {@code callemu.controlUrl})</li>
 *   <li>{@code callemu.controlUrl} — base URL of the control API, e.g. {@code http://127.0.0.1:9080}
 *       (default: the endpoint of {@code callemu.httpConnectionString})</li>
 *   <li>{@code callemu.caPem} — the certificate to trust for HTTPS, e.g. {@code .callemu/ca.pem}
 *       (default: the JVM's and Node's own trust)</li>
 *   <li>{@code callemu.controlToken} — the control API bearer token, if it was started with one</li>
 * </ul>
 */
public final class CallemuTarget implements AutoCloseable {

  private static final Pattern ENDPOINT = Pattern.compile("endpoint=([^;]*);accesskey=(.*)", Pattern.CASE_INSENSITIVE);

  private final Callemu embedded;
  private final String connectionString;
  private final String httpConnectionString;
  private final String accessKey;
  private final Path caPem;
  private final ControlClient control;

  private CallemuTarget(Callemu embedded, String connectionString, String httpConnectionString, Path caPem,
      ControlClient control) {
    this.embedded = embedded;
    this.connectionString = connectionString;
    this.httpConnectionString = httpConnectionString;
    this.accessKey = group(connectionString, 2);
    this.caPem = caPem;
    this.control = control;
  }

  /** True when the suite was pointed at a running callemu. */
  public static boolean external() {
    return System.getProperty("callemu.connectionString") != null;
  }

  /**
   * The certificate the apps must trust: for an embedded callemu it is generated into the data dir
   * before the emulator starts (callemu reuses it), so the Node app can be started with it first.
   */
  public static Path caPemFor(Path dataDir) {
    if (external()) {
      String pem = System.getProperty("callemu.caPem");
      return pem == null ? null : Path.of(pem);
    }
    return DevCertificates.ensure(dataDir).caPem();
  }

  /**
   * @param dataDir the embedded callemu's data dir (unused for a running one)
   * @param settings what the test class needs on top of the suite's defaults (ports 0, that data dir)
   */
  public static CallemuTarget start(Path dataDir, UnaryOperator<CallemuConfig> settings) {
    if (external()) {
      String https = System.getProperty("callemu.connectionString");
      String controlUrl = System.getProperty("callemu.controlUrl");
      String http = System.getProperty("callemu.httpConnectionString");
      if (http == null && controlUrl != null) {
        http = "endpoint=" + controlUrl + "/;accesskey=" + group(https, 2);
      }
      if (controlUrl == null && http != null) {
        controlUrl = group(http, 1).replaceFirst("/$", "");
      }
      if (controlUrl == null) {
        throw new IllegalArgumentException("with -Dcallemu.connectionString also give -Dcallemu.controlUrl (or -Dcallemu.httpConnectionString)");
      }
      return new CallemuTarget(null, https, http, caPemFor(dataDir),
          new ControlClient(controlUrl, System.getProperty("callemu.controlToken")));
    }
    CallemuConfig config = settings.apply(CallemuConfig.defaults()
        .withHost("127.0.0.1")
        .withPort(0)
        .withHttpsPort(0)
        .withDataDir(dataDir));
    Callemu callemu = Callemu.start(config);
    return new CallemuTarget(callemu, callemu.connectionString(), callemu.httpConnectionString(), callemu.caPem(),
        callemu.control());
  }

  private static String group(String connectionString, int group) {
    Matcher m = ENDPOINT.matcher(connectionString);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an ACS connection string: " + connectionString);
    }
    return m.group(group);
  }

  public boolean isEmbedded() {
    return embedded != null;
  }

  /** endpoint=https://localhost:port/;accesskey=... */
  public String connectionString() {
    return connectionString;
  }

  /** endpoint=http://127.0.0.1:port/;accesskey=... */
  public String httpConnectionString() {
    return httpConnectionString;
  }

  /** https://localhost:port (no trailing slash): the origin of the HTTPS connection string. */
  public String httpsEndpoint() {
    return group(connectionString, 1).replaceFirst("/$", "");
  }

  /** http://127.0.0.1:port (no trailing slash) */
  public String httpEndpoint() {
    return group(httpConnectionString, 1).replaceFirst("/$", "");
  }

  public String accessKey() {
    return accessKey;
  }

  /** The certificate apps trust for HTTPS, or null for a running callemu with a publicly trusted one. */
  public Path caPem() {
    return caPem;
  }

  public ControlClient control() {
    return control;
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
