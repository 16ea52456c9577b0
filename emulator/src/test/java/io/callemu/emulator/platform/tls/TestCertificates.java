package io.callemu.emulator.platform.tls;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates tests make themselves: the unconstrained RSA development certificate older callemu
 * versions generated, and certificates issued with the development key, as someone holding the
 * data dir's key could forge them.
 */
final class TestCertificates {

  private TestCertificates() {}

  static KeyPair ecKeyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  /** A certificate for {@code subjectKeys}, issued by {@code issuer}: a CA, or a server leaf for {@code dnsName}. */
  static X509Certificate issue(X509Certificate issuer, PrivateKey issuerKey, KeyPair subjectKeys, String dnsName,
      boolean ca) throws Exception {
    Instant now = Instant.now();
    X500Name subject = new X500Name("CN=" + (ca ? "a second CA" : dnsName));
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
        issuer == null ? subject : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
        BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
        Date.from(now.plus(Duration.ofDays(30))), subject, subjectKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca
        ? KeyUsage.keyCertSign | KeyUsage.digitalSignature : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    if (dnsName != null) {
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
    }
    String algorithm = issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
  }

  /**
   * Replaces {@code material}'s files with a consistent set as callemu generated it before its
   * certificate was constrained: RSA 2048, self-signed, CA without path length or name constraints.
   */
  static void writeUnconstrainedRsa(TlsMaterial material) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    Instant now = Instant.now();
    X500Name name = new X500Name("CN=callemu development certificate (localhost), O=callemu");
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), name, keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
        .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.iPAddress, "::1")}));
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    Files.writeString(material.keyPem(), Pem.encode(keys.getPrivate()), StandardCharsets.US_ASCII);
    Files.writeString(material.certPem(), Pem.encode(certificate), StandardCharsets.US_ASCII);
    Files.writeString(material.caPem(), Pem.encode(certificate), StandardCharsets.US_ASCII);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry(DevCertificates.TRUST_STORE_ALIAS, certificate);
    try (OutputStream out = Files.newOutputStream(material.trustStore())) {
      store.store(out, DevCertificates.TRUST_STORE_PASSWORD.toCharArray());
    }
  }
}
