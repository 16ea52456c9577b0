package io.callemu.emulator.platform.tls;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PfxOptions;
import io.vertx.core.net.TrustOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What a {@code wss://} transportUrl may present: a certificate issued by a CA of the JDK's system
 * trust store, or by (or equal to) a certificate in the data dir's {@code ca.pem}, so an app can
 * serve its WebSocket with callemu's own development certificate. Both sets go into one in-memory
 * trust store for the WebSocket client.
 */
public final class StreamTrust {

  private static final String PASSWORD = "changeit";

  private StreamTrust() {
  }

  /**
   * Builds the trust; reads the system store and {@code caPem} (blocking: call it off the event
   * loop). A missing {@code caPem} (or null) means system trust only.
   *
   * @throws IllegalStateException when the file exists but holds no readable certificate
   */
  public static TrustOptions load(Path caPem) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int i = 0;
      for (Certificate c : systemAuthorities()) {
        store.setCertificateEntry("system-" + i++, c);
      }
      if (caPem != null && Files.isReadable(caPem)) {
        for (Certificate c : readCertificates(caPem)) {
          store.setCertificateEntry("callemu-ca-" + i++, c);
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      store.store(bytes, PASSWORD.toCharArray());
      return new PfxOptions().setValue(Buffer.buffer(bytes.toByteArray())).setPassword(PASSWORD);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the trust for wss transport URLs from " + caPem + ": "
          + e.getMessage(), e);
    }
  }

  private static List<Certificate> systemAuthorities() throws GeneralSecurityException {
    TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init((KeyStore) null);
    for (TrustManager m : f.getTrustManagers()) {
      if (m instanceof X509TrustManager x) {
        return List.of(x.getAcceptedIssuers());
      }
    }
    return List.of();
  }

  private static List<Certificate> readCertificates(Path pem) throws IOException, CertificateException {
    try (InputStream in = Files.newInputStream(pem)) {
      List<Certificate> certs = new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
      if (certs.isEmpty()) {
        throw new CertificateException(pem + " holds no certificate");
      }
      return certs;
    }
  }
}
