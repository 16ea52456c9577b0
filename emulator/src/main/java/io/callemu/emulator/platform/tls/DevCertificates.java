package io.callemu.emulator.platform.tls;

import io.callemu.emulator.platform.datadir.DataFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The development certificate callemu serves HTTPS with when the user brings none.
 *
 * <p>The Java SDK only talks HTTPS, so every fresh machine needs a certificate that apps can be
 * told to trust with one setting. Making it once per data dir (not per start) matters: apps and CI
 * images point a trust setting at {@code ca.pem} or {@code truststore.p12}, and those must stay
 * valid across restarts.
 *
 * <p>The certificate is self-signed and marked as a CA ({@code basicConstraints CA:true}) so the
 * very same file works as the trust anchor: OpenSSL (Node's {@code NODE_EXTRA_CA_CERTS}) only loads
 * CA certificates as extra roots, and Java's PKIX accepts a trusted self-signed leaf either way.
 * Being a CA, it is constrained so that trusting it trusts nothing else made with the key in the
 * data dir: path length 0 (no CA below it) and name constraints permitting only {@code localhost}
 * and the loopback addresses (RFC 5280 sections 4.2.1.9 and 4.2.1.10,
 * https://www.rfc-editor.org/rfc/rfc5280). The key is EC P-256: generating it takes milliseconds
 * where RSA 2048 took most of a second, and every TLS stack apps use (JDK, OpenSSL, Netty) reads
 * EC PKCS#8 keys.
 *
 * <p>Files are written to a temp file and moved into place, under an inter-process lock, so two
 * emulators starting on the same data dir never see (or leave) a certificate from one run next to
 * the key of another. Anything unreadable, mismatched or close to expiry is regenerated, and so is
 * a certificate of an older callemu (RSA, unconstrained): apps that point at {@code ca.pem} or
 * {@code truststore.p12} by path keep working, copies of the old file must be made again.
 */
public final class DevCertificates {

  /** The trust store password CONTRACT §1 publishes; it guards nothing secret. */
  public static final String TRUST_STORE_PASSWORD = "changeit";

  static final String CERT_FILE = "cert.pem";
  static final String KEY_FILE = "key.pem";
  static final String CA_FILE = "ca.pem";
  static final String TRUST_STORE_FILE = "truststore.p12";
  static final String TRUST_STORE_ALIAS = "callemu-localhost";
  private static final String LOCK_FILE = ".tls.lock";

  static final Duration VALIDITY = Duration.ofDays(3 * 365);
  /** Renew well before expiry so a long-lived data dir never fails a CI run on the last day. */
  static final Duration RENEW_BEFORE = Duration.ofDays(30);
  /** Backdated so a machine whose clock lags a little still accepts a freshly made certificate. */
  private static final Duration BACKDATE = Duration.ofDays(1);

  static final List<String> DNS_NAMES = List.of("localhost");
  static final List<String> IP_ADDRESSES = List.of("127.0.0.1", "::1");
  /** Name constraints: the loopback networks, as address and mask (RFC 5280 section 4.2.1.10). */
  private static final byte[][] PERMITTED_NETWORKS = {
    {127, 0, 0, 0, (byte) 255, 0, 0, 0},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1}
  };
  private static final String KEY_ALGORITHM = "EC";
  private static final String CURVE = "secp256r1";
  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

  private DevCertificates() {}

  /**
   * Returns the development certificate files in {@code dataDir}, generating them on first use or
   * when the existing ones are broken or about to expire.
   *
   * @throws UncheckedIOException when the data dir cannot be created or written
   */
  public static TlsMaterial ensure(Path dataDir) {
    return ensure(dataDir, Clock.systemUTC());
  }

  @SuppressWarnings("try") // the file lock is held for the block, not used
  static TlsMaterial ensure(Path dataDir, Clock clock) {
    TlsMaterial material =
        new TlsMaterial(
            dataDir.resolve(CERT_FILE),
            dataDir.resolve(KEY_FILE),
            dataDir.resolve(CA_FILE),
            dataDir.resolve(TRUST_STORE_FILE));
    try {
      Files.createDirectories(dataDir);
      // The JVM-wide monitor keeps two threads of one JVM apart (a FileLock would throw
      // OverlappingFileLockException there); the file lock keeps separate processes apart.
      synchronized (DevCertificates.class) {
        try (FileChannel channel =
                FileChannel.open(
                    dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock ignored = channel.lock()) {
          Instant now = clock.instant();
          if (!isUsable(material, now)) {
            generate(material, now);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the development certificate in " + dataDir + ": " + e.getMessage(), e);
    }
    return material;
  }

  /**
   * True when all four files exist, parse, agree with each other, stay valid for a while and are
   * of this version's kind (an EC key, a constrained CA).
   */
  static boolean isUsable(TlsMaterial material, Instant now) {
    try {
      X509Certificate certificate = Pem.readCertificate(material.certPem());
      PrivateKey key = Pem.readPrivateKey(material.keyPem());
      X509Certificate ca = Pem.readCertificate(material.caPem());
      certificate.checkValidity(Date.from(now));
      certificate.checkValidity(Date.from(now.plus(RENEW_BEFORE)));
      return ca.equals(certificate)
          && keyMatches(key, certificate)
          && isConstrained(certificate)
          && coversLocalhost(certificate)
          && trustStoreHolds(material.trustStore(), certificate);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** The key is EC and signs what the certificate's public key verifies. */
  private static boolean keyMatches(PrivateKey key, X509Certificate certificate)
      throws GeneralSecurityException {
    if (!KEY_ALGORITHM.equals(key.getAlgorithm())
        || !KEY_ALGORITHM.equals(certificate.getPublicKey().getAlgorithm())) {
      return false;
    }
    byte[] probe = "callemu key check".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance(SIGNATURE_ALGORITHM);
    signer.initSign(key);
    signer.update(probe);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(probe);
    return verifier.verify(signature);
  }

  /** A CA of path length 0 that carries name constraints. */
  private static boolean isConstrained(X509Certificate certificate) {
    return certificate.getBasicConstraints() == 0
        && certificate.getCriticalExtensionOIDs().contains(Extension.nameConstraints.getId());
  }

  private static boolean coversLocalhost(X509Certificate certificate) throws GeneralSecurityException {
    Collection<List<?>> names = certificate.getSubjectAlternativeNames();
    if (names == null) {
      return false;
    }
    Set<String> present = new HashSet<>();
    for (List<?> name : names) {
      Object value = name.get(1);
      present.add(
          (Integer) name.get(0) == GeneralName.iPAddress
              ? normalizeIp(value.toString())
              : value.toString());
    }
    return present.containsAll(DNS_NAMES)
        && IP_ADDRESSES.stream().map(DevCertificates::normalizeIp).allMatch(present::contains);
  }

  private static String normalizeIp(String literal) {
    try {
      // A literal never triggers a DNS lookup; this only canonicalises "::1" vs "0:0:...:1".
      return InetAddress.getByName(literal).getHostAddress();
    } catch (IOException e) {
      return literal;
    }
  }

  private static boolean trustStoreHolds(Path trustStore, X509Certificate certificate)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(trustStore)) {
      store.load(in, TRUST_STORE_PASSWORD.toCharArray());
    }
    return store.isCertificateEntry(TRUST_STORE_ALIAS)
        && certificate.equals(store.getCertificate(TRUST_STORE_ALIAS));
  }

  private static void generate(TlsMaterial material, Instant now) throws IOException {
    KeyPair keyPair;
    X509Certificate certificate;
    byte[] trustStore;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(KEY_ALGORITHM);
      generator.initialize(new ECGenParameterSpec(CURVE), new SecureRandom());
      keyPair = generator.generateKeyPair();
      certificate = selfSign(keyPair, now);
      trustStore = trustStoreBytes(certificate);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot generate the development certificate", e);
    }
    String certPem = Pem.encode(certificate);
    // Key first: if the process dies half-way, the next start sees a mismatch and starts over.
    DataFiles.writeAtomically(material.keyPem(), Pem.encode(keyPair.getPrivate()).getBytes(StandardCharsets.US_ASCII), true);
    DataFiles.writeAtomically(material.certPem(), certPem.getBytes(StandardCharsets.US_ASCII), false);
    DataFiles.writeAtomically(material.caPem(), certPem.getBytes(StandardCharsets.US_ASCII), false);
    DataFiles.writeAtomically(material.trustStore(), trustStore, false);
  }

  private static X509Certificate selfSign(KeyPair keyPair, Instant now)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    X500Name name = new X500Name("CN=callemu development certificate (localhost), O=callemu");
    BigInteger serial = new BigInteger(64, new SecureRandom()).setBit(63);
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            serial,
            Date.from(now.minus(BACKDATE)),
            Date.from(now.plus(VALIDITY)),
            name,
            keyPair.getPublic());
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    builder
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
        // No keyEncipherment: an EC key signs the TLS handshake (ECDHE), it never decrypts a secret.
        .addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign))
        .addExtension(Extension.nameConstraints, true, nameConstraints())
        .addExtension(
            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
        .addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames())
        .addExtension(
            Extension.subjectKeyIdentifier,
            false,
            extensions.createSubjectKeyIdentifier(keyPair.getPublic()))
        .addExtension(
            Extension.authorityKeyIdentifier,
            false,
            extensions.createAuthorityKeyIdentifier(keyPair.getPublic()));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(keyPair.getPrivate())));
  }

  private static GeneralNames subjectAlternativeNames() {
    GeneralName[] names = new GeneralName[DNS_NAMES.size() + IP_ADDRESSES.size()];
    int i = 0;
    for (String dns : DNS_NAMES) {
      names[i++] = new GeneralName(GeneralName.dNSName, dns);
    }
    for (String ip : IP_ADDRESSES) {
      names[i++] = new GeneralName(GeneralName.iPAddress, ip);
    }
    return new GeneralNames(names);
  }

  /** Only {@code localhost} (and names below it) and the loopback networks. */
  private static NameConstraints nameConstraints() {
    List<GeneralSubtree> permitted = new ArrayList<>();
    for (String dns : DNS_NAMES) {
      permitted.add(new GeneralSubtree(new GeneralName(GeneralName.dNSName, dns)));
    }
    for (byte[] network : PERMITTED_NETWORKS) {
      permitted.add(new GeneralSubtree(new GeneralName(GeneralName.iPAddress, new DEROctetString(network))));
    }
    return new NameConstraints(permitted.toArray(new GeneralSubtree[0]), null);
  }

  private static byte[] trustStoreBytes(X509Certificate certificate)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry(TRUST_STORE_ALIAS, certificate);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, TRUST_STORE_PASSWORD.toCharArray());
    return out.toByteArray();
  }


}
