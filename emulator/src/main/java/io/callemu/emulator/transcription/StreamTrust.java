package io.callemu.emulator.transcription;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What a {@code wss://} transportUrl may present: a certificate the JDK's system trust store
 * accepts, or one issued by (or equal to) a certificate in the data dir's {@code ca.pem}, so an app
 * can serve its WebSocket with callemu's own development certificate.
 */
public final class StreamTrust {

  private StreamTrust() {
  }

  /**
   * Builds the trust manager; reads {@code caPem} (blocking: call it off the event loop). A missing
   * file means system trust only.
   *
   * @throws IllegalStateException when the file exists but holds no readable certificate
   */
  public static X509TrustManager load(Path caPem) {
    try {
      List<X509TrustManager> managers = new ArrayList<>();
      managers.add(managerFor(null));
      if (caPem != null && Files.isReadable(caPem)) {
        KeyStore extra = KeyStore.getInstance(KeyStore.getDefaultType());
        extra.load(null, null);
        int i = 0;
        for (Certificate c : readCertificates(caPem)) {
          extra.setCertificateEntry("callemu-ca-" + i++, c);
        }
        managers.add(managerFor(extra));
      }
      return new AnyOf(managers);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the trust for wss transport URLs from " + caPem + ": "
          + e.getMessage(), e);
    }
  }

  private static List<? extends Certificate> readCertificates(Path pem) throws IOException, CertificateException {
    try (InputStream in = Files.newInputStream(pem)) {
      List<? extends Certificate> certs = new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
      if (certs.isEmpty()) {
        throw new CertificateException(pem + " holds no certificate");
      }
      return certs;
    }
  }

  private static X509TrustManager managerFor(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init(store);
    for (TrustManager m : f.getTrustManagers()) {
      if (m instanceof X509TrustManager x) {
        return x;
      }
    }
    throw new GeneralSecurityException("no X509 trust manager available");
  }

  /** Trusts a server chain when any of its managers does. */
  private static final class AnyOf implements X509TrustManager {
    private final List<X509TrustManager> managers;

    AnyOf(List<X509TrustManager> managers) {
      this.managers = List.copyOf(managers);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      CertificateException last = null;
      for (X509TrustManager m : managers) {
        try {
          m.checkServerTrusted(chain, authType);
          return;
        } catch (CertificateException e) {
          last = e;
        }
      }
      throw last;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("callemu's transcription client trusts servers only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      List<X509Certificate> all = new ArrayList<>();
      managers.forEach(m -> all.addAll(List.of(m.getAcceptedIssuers())));
      return all.toArray(new X509Certificate[0]);
    }
  }
}
