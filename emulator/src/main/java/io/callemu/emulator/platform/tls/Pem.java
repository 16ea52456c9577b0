package io.callemu.emulator.platform.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * PEM encoding and decoding of certificates and private keys. Package-private: callers outside
 * this package only ever see file paths, which is what Vert.x, Node and OpenSSL consume.
 */
final class Pem {

  private Pem() {}

  static String encode(X509Certificate certificate) {
    return write(certificate);
  }

  /** PKCS#8 ({@code BEGIN PRIVATE KEY}) because it is the one key form every TLS stack reads. */
  static String encode(PrivateKey key) {
    try {
      return write(new JcaPKCS8Generator(key, null));
    } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
      throw new IllegalStateException("cannot encode the private key as PKCS#8", e);
    }
  }

  static X509Certificate readCertificate(Path file) throws IOException {
    Object object = readFirstObject(file);
    if (!(object instanceof X509CertificateHolder holder)) {
      throw new IOException(file + " holds no PEM certificate");
    }
    try {
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (CertificateException e) {
      throw new IOException(file + " holds an unreadable certificate: " + e.getMessage(), e);
    }
  }

  /** Accepts PKCS#8 and the traditional OpenSSL key forms, since users may bring their own. */
  static PrivateKey readPrivateKey(Path file) throws IOException {
    Object object = readFirstObject(file);
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    if (object instanceof PrivateKeyInfo info) {
      return converter.getPrivateKey(info);
    }
    if (object instanceof PEMKeyPair pair) {
      return converter.getKeyPair(pair).getPrivate();
    }
    throw new IOException(file + " holds no unencrypted PEM private key");
  }

  private static Object readFirstObject(Path file) throws IOException {
    try (PEMParser parser = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
      Object object = parser.readObject();
      if (object == null) {
        throw new IOException(file + " holds no PEM object");
      }
      return object;
    } catch (IllegalArgumentException | IllegalStateException e) {
      // BouncyCastle reports some malformed DER this way rather than as an IOException.
      throw new IOException(file + " is not valid PEM: " + e.getMessage(), e);
    }
  }

  private static String write(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new IllegalStateException("cannot PEM-encode " + object.getClass().getSimpleName(), e);
    }
    return out.toString();
  }
}
