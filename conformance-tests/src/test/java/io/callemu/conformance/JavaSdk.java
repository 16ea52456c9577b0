package io.callemu.conformance;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.CallAutomationClientBuilder;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * Builds Java SDK 1.0.4 clients the way an app under test would: from a connection string, over
 * HTTPS (1.0.4 refuses http endpoints), with azure-core-http-netty as the transport.
 *
 * <p>Trust: the SDK's Netty client gets an SslContext that trusts callemu's {@code ca.pem}. The
 * alternative, {@code -Djavax.net.ssl.trustStore=<dataDir>/truststore.p12}, does not fit a suite
 * that starts one emulator (one data dir, one certificate) per test class in one JVM: the JVM
 * reads the default trust store once, so a system property can only ever name one of them.
 */
public final class JavaSdk {

  private JavaSdk() {}

  /**
   * @param connectionString the https connection string
   * @param caPem the certificate to trust, or null to use the JVM's default trust (a real certificate)
   */
  static CallAutomationClient client(String connectionString, Path caPem) {
    return new CallAutomationClientBuilder()
        .connectionString(connectionString)
        .httpClient(httpClient(caPem))
        .buildClient();
  }

  /**
   * The azure-core HTTP client of an app that trusts {@code caPem} (null: the JVM's default trust);
   * the Java Graph tests give it to azure-identity's credential.
   */
  public static HttpClient httpClient(Path caPem) {
    reactor.netty.http.client.HttpClient netty = reactor.netty.http.client.HttpClient.create();
    if (caPem != null) {
      SslContext ssl = trusting(caPem);
      netty = netty.secure(spec -> spec.sslContext(ssl));
    }
    return new NettyAsyncHttpClientBuilder(netty).build();
  }

  private static SslContext trusting(Path caPem) {
    try {
      return SslContextBuilder.forClient().trustManager(caPem.toFile()).build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build an SslContext trusting " + caPem, e);
    }
  }
}
