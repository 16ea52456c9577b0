package io.callemu.emulator.platform.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.interfaces.ECPublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DevCertificatesTest {

  private static final Instant T0 = Instant.parse("2026-11-21T21:00:00Z");

  @TempDir Path dir;

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  @Test
  void generatesAllFilesInTheDataDirAndReusesThemByteForByte() throws Exception {
    Path dataDir = dir.resolve("nested/data");
    TlsMaterial first = DevCertificates.ensure(dataDir);

    assertThat(first)
        .isEqualTo(
            new TlsMaterial(
                dataDir.resolve("cert.pem"),
                dataDir.resolve("key.pem"),
                dataDir.resolve("ca.pem"),
                dataDir.resolve("truststore.p12")));
    List<byte[]> before = contents(first);

    TlsMaterial second = DevCertificates.ensure(dataDir);

    assertThat(second).isEqualTo(first);
    List<byte[]> after = contents(second);
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i)).isEqualTo(before.get(i));
    }
    assertThat(Files.readString(first.caPem())).isEqualTo(Files.readString(first.certPem()));
    try (var files = Files.list(dataDir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temp files left behind")
          .containsExactlyInAnyOrder("cert.pem", "key.pem", "ca.pem", "truststore.p12", ".tls.lock");
    }
  }

  @Test
  void keyIsUnencryptedPkcs8AndOnlyItsOwnerMayReadIt() throws Exception {
    TlsMaterial material = DevCertificates.ensure(dir);

    String key = Files.readString(material.keyPem());
    assertThat(key).startsWith("-----BEGIN PRIVATE KEY-----").contains("-----END PRIVATE KEY-----");
    assertThat(Files.readString(material.certPem())).startsWith("-----BEGIN CERTIFICATE-----");

    PosixFileAttributeView posix =
        Files.getFileAttributeView(material.keyPem(), PosixFileAttributeView.class);
    assumeTrue(posix != null, "permissions are only checked on POSIX file systems");
    assertThat(posix.readAttributes().permissions())
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.getPosixFilePermissions(material.caPem()))
        .contains(PosixFilePermission.OTHERS_READ);
  }

  @Test
  void trustStoreOpensWithChangeitAndHoldsTheCertificateAsTrustedEntry() throws Exception {
    TlsMaterial material = DevCertificates.ensure(dir);
    X509Certificate certificate = Pem.readCertificate(material.certPem());

    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(material.trustStore())) {
      store.load(in, "changeit".toCharArray());
    }

    assertThat(store.size()).isEqualTo(1);
    String alias = store.aliases().nextElement();
    assertThat(store.isCertificateEntry(alias)).isTrue();
    assertThat(store.getCertificate(alias)).isEqualTo(certificate);
  }

  @Test
  void certificateIsAServerCertificateForLocalhostThatIsItsOwnCa() throws Exception {
    X509Certificate certificate =
        Pem.readCertificate(DevCertificates.ensure(dir, at(T0)).certPem());

    assertThat(certificate.getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(
            List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
    assertThat(certificate.getBasicConstraints()).as("CA:true, pathLen 0").isZero();
    assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    boolean[] usage = certificate.getKeyUsage();
    assertThat(usage[0]).as("digitalSignature").isTrue();
    assertThat(usage[2]).as("keyEncipherment (meaningless for EC)").isFalse();
    assertThat(usage[5]).as("keyCertSign").isTrue();
    assertThat(certificate.getSubjectX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
    certificate.verify(certificate.getPublicKey());
    assertThat(certificate.getNotBefore().toInstant()).isBefore(T0);
    assertThat(certificate.getNotAfter().toInstant()).isAfter(T0.plus(Duration.ofDays(2 * 365)));
    assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize())
        .as("P-256").isEqualTo(256);
  }

  @Test
  void nameConstraintsPermitOnlyLocalhostAndTheLoopbackNetworks() throws Exception {
    X509Certificate certificate = Pem.readCertificate(DevCertificates.ensure(dir).certPem());

    assertThat(certificate.getCriticalExtensionOIDs()).contains(Extension.nameConstraints.getId());
    NameConstraints constraints = NameConstraints.getInstance(
        ASN1OctetString.getInstance(certificate.getExtensionValue(Extension.nameConstraints.getId())).getOctets());
    assertThat(constraints.getExcludedSubtrees()).isNull();
    assertThat(constraints.getPermittedSubtrees())
        .extracting(subtree -> subtree.getBase().toString())
        .containsExactlyInAnyOrder("2: localhost", "7: #7f000000ff000000",
            "7: #00000000000000000000000000000001ffffffffffffffffffffffffffffffff");
  }

  @Test
  void regeneratesTheUnconstrainedRsaCertificateOfAnOlderVersion() throws Exception {
    TlsMaterial material = DevCertificates.ensure(dir);
    TestCertificates.writeUnconstrainedRsa(material);
    X509Certificate legacy = Pem.readCertificate(material.certPem());
    assertThat(legacy.getPublicKey().getAlgorithm()).isEqualTo("RSA");

    DevCertificates.ensure(dir);

    X509Certificate now = Pem.readCertificate(material.certPem());
    assertThat(now.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(Files.readString(material.caPem())).isEqualTo(Files.readString(material.certPem()));
    assertThat(DevCertificates.isUsable(material, Instant.now())).isTrue();
  }

  @Test
  void handshakeSucceedsForLocalhostAndLoopbackIpWhenTrustingOnlyTheTrustStore() throws Exception {
    TlsMaterial material = DevCertificates.ensure(dir);
    SSLContext server = TestTls.serverContext(material);
    SSLContext client = TestTls.clientContextTrusting(material.trustStore());

    for (String host : List.of("localhost", "127.0.0.1")) {
      SSLEngine clientEngine = TestTls.clientEngine(client, host);
      TestTls.handshake(clientEngine, TestTls.serverEngine(server));

      assertThat(clientEngine.getSession().getPeerCertificates()[0])
          .as(host)
          .isEqualTo(Pem.readCertificate(material.certPem()));
    }
  }

  @Test
  void handshakeFailsForAHostNameTheCertificateDoesNotCover() throws Exception {
    TlsMaterial material = DevCertificates.ensure(dir);

    SSLEngine clientEngine =
        TestTls.clientEngine(TestTls.clientContextTrusting(material.trustStore()), "example.com");

    assertThatThrownBy(
            () -> TestTls.handshake(clientEngine, TestTls.serverEngine(TestTls.serverContext(material))))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void handshakeFailsForAClientThatDoesNotTrustTheCertificate() throws Exception {
    TlsMaterial material = DevCertificates.ensure(dir);
    TlsMaterial other = DevCertificates.ensure(dir.resolve("other"));

    SSLEngine clientEngine =
        TestTls.clientEngine(TestTls.clientContextTrusting(other.trustStore()), "localhost");

    assertThatThrownBy(
            () -> TestTls.handshake(clientEngine, TestTls.serverEngine(TestTls.serverContext(material))))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void regeneratesACorruptCertificate() throws Exception {
    TlsMaterial material = DevCertificates.ensure(dir);
    X509Certificate old = Pem.readCertificate(material.certPem());
    Files.writeString(material.certPem(), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

    DevCertificates.ensure(dir);

    assertConsistentAndNew(material, old);
  }

  @Test
  void regeneratesWhenAFileIsMissingOrEmpty() throws Exception {
    TlsMaterial material = DevCertificates.ensure(dir);
    X509Certificate old = Pem.readCertificate(material.certPem());
    Files.delete(material.trustStore());
    DevCertificates.ensure(dir);
    assertConsistentAndNew(material, old);

    X509Certificate second = Pem.readCertificate(material.certPem());
    Files.write(material.keyPem(), new byte[0]);
    DevCertificates.ensure(dir);
    assertConsistentAndNew(material, second);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cert.pem", "key.pem", "ca.pem", "truststore.p12"})
  void regeneratesWhenAFileComesFromAnotherGeneration(String file) throws Exception {
    TlsMaterial material = DevCertificates.ensure(dir);
    X509Certificate old = Pem.readCertificate(material.certPem());
    Path other = DevCertificates.ensure(dir.resolve("other")).certPem().getParent();
    Files.copy(other.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);

    DevCertificates.ensure(dir);

    assertConsistentAndNew(material, old);
  }

  @Test
  void keepsTheCertificateUntilItIsCloseToExpiryAndRenewsItThen() throws Exception {
    TlsMaterial material = DevCertificates.ensure(dir, at(T0));
    X509Certificate original = Pem.readCertificate(material.certPem());

    DevCertificates.ensure(dir, at(T0.plus(Duration.ofDays(365))));
    assertThat(Pem.readCertificate(material.certPem())).isEqualTo(original);

    Instant nearExpiry = original.getNotAfter().toInstant().minus(Duration.ofDays(10));
    DevCertificates.ensure(dir, at(nearExpiry));
    X509Certificate renewed = Pem.readCertificate(material.certPem());
    assertThat(renewed).isNotEqualTo(original);
    assertThat(renewed.getNotAfter().toInstant()).isAfter(nearExpiry.plus(Duration.ofDays(365)));
  }

  @Test
  void regeneratesACertificateThatIsNotYetValid() throws Exception {
    TlsMaterial material = DevCertificates.ensure(dir, at(T0));
    X509Certificate fromTheFuture = Pem.readCertificate(material.certPem());

    DevCertificates.ensure(dir, at(T0.minus(Duration.ofDays(30))));

    assertThat(Pem.readCertificate(material.certPem())).isNotEqualTo(fromTheFuture);
  }

  @Test
  void reportsADataDirThatCannotBeCreated() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "not a directory");

    assertThatThrownBy(() -> DevCertificates.ensure(file.resolve("data")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot create the development certificate in")
        .hasMessageContaining("a-file");
  }

  private static void assertConsistentAndNew(TlsMaterial material, X509Certificate old)
      throws Exception {
    X509Certificate now = Pem.readCertificate(material.certPem());
    assertThat(now).isNotEqualTo(old);
    assertThat(DevCertificates.isUsable(material, Instant.now())).isTrue();
  }

  private static List<byte[]> contents(TlsMaterial material) throws Exception {
    return List.of(
        Files.readAllBytes(material.certPem()),
        Files.readAllBytes(material.keyPem()),
        Files.readAllBytes(material.caPem()),
        Files.readAllBytes(material.trustStore()));
  }
}
