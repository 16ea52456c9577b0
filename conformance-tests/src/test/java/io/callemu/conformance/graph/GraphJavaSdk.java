package io.callemu.conformance.graph;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;
import io.callemu.conformance.JavaSdk;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * A Graph bot's clients as the official Java SDKs build them against callemu (official-clients.md
 * 3.2): azure-identity 1.18.1's {@code ClientSecretCredential} with callemu's HTTPS origin as
 * authority host and instance discovery off, and Graph SDK 6.20.0 with an
 * {@code AzureIdentityAuthenticationProvider} that allows callemu's host and the base URL set to
 * callemu. Each client trusts callemu's {@code ca.pem} on its own (reactor-netty for the
 * credential, OkHttp with the Graph middleware for Graph), not JVM-wide: every test class runs its
 * own callemu with its own certificate.
 */
public final class GraphJavaSdk {

  public static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

  private GraphJavaSdk() {
  }

  /** @param authorityHost callemu's HTTPS origin, e.g. {@code https://localhost:9443} */
  public static TokenCredential credential(String authorityHost, String tenantId, String clientId, String secret,
      Path caPem) {
    return new ClientSecretCredentialBuilder()
        .tenantId(tenantId).clientId(clientId).clientSecret(secret)
        .authorityHost(authorityHost)
        .disableInstanceDiscovery()
        .httpClient(JavaSdk.httpClient(caPem))
        .build();
  }

  /** A Graph client whose requests go to {@code origin + "/v1.0"} carrying {@code credential}'s tokens. */
  public static GraphServiceClient graph(TokenCredential credential, String origin, Path caPem) {
    AzureIdentityAuthenticationProvider auth = new AzureIdentityAuthenticationProvider(credential,
        new String[] {URI.create(origin).getHost()}, GRAPH_SCOPE);
    OkHttpClient.Builder http = GraphClientFactory.create();
    if (caPem != null) {
      X509TrustManager trust = trusting(caPem);
      http.sslSocketFactory(sslContext(trust).getSocketFactory(), trust);
    }
    GraphServiceClient graph = new GraphServiceClient(auth, http.build());
    graph.getRequestAdapter().setBaseUrl(origin + "/v1.0");
    return graph;
  }

  private static X509TrustManager trusting(Path caPem) {
    try (InputStream in = Files.newInputStream(caPem)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      store.setCertificateEntry("callemu", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      return (X509TrustManager) tmf.getTrustManagers()[0];
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust " + caPem, e);
    }
  }

  /** A TLS context that trusts {@code caPem} and nothing else (for the tests' own requests). */
  public static SSLContext sslContext(Path caPem) {
    return sslContext(trusting(caPem));
  }

  private static SSLContext sslContext(X509TrustManager trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
