package io.callemu.bench.soak;

import io.callemu.bench.load.CallemuProcess;
import io.callemu.bench.load.Latencies;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The development certificate callemu generates into a new data dir: how long a start with HTTPS
 * and a new data dir takes next to one without HTTPS, and whether {@code ca.pem} is a constrained
 * authority: path length 0 and name constraints, so that a leaf for another name, or a chain
 * through another CA, signed with the data dir's key is refused by a client trusting {@code ca.pem}
 * (checked with Java's PKIX validator and with {@code openssl verify}).
 */
final class CaConstraints implements Scenario {

  private static final int STARTS = 5;
  private static final long CERTIFICATE_COST_TARGET_MS = 250;

  @Override
  public String name() {
    return "ca-constraints";
  }

  @Override
  public String finding() {
    return "the generated development certificate is an unconstrained CA; generating its RSA key makes a start"
        + " with a new data dir take 1.9 s";
  }

  @Override
  public ChildLaunch launch(Bench bench) {
    return ChildLaunch.defaults().https();
  }

  @Override
  public void run(Bench bench, Target target, Outcome outcome) throws Exception {
    outcome.before(target);
    long[] newDir = medianStart(bench, null);
    Path existing = Files.createTempDirectory("soak-ca-existing");
    long[] sameDir;
    try {
      sameDir = medianStart(bench, existing);
    } finally {
      deleteTree(existing);
    }
    outcome.figure("start to ready line, HTTPS with a new data dir (median of " + STARTS + ")", newDir[0]
        + " ms wall, " + newDir[1] + " ms CPU");
    outcome.figure("start to ready line, HTTPS with the certificate already made (median of " + STARTS + ")",
        sameDir[0] + " ms wall, " + sameDir[1] + " ms CPU");
    Path dir = target.child().dataDir();
    X509Certificate ca = certificate(dir.resolve("ca.pem"));
    PrivateKey key = privateKey(dir.resolve("key.pem"));
    int pathLen = ca.getBasicConstraints();
    boolean nameConstraints = ca.getExtensionValue(Extension.nameConstraints.getId()) != null;
    outcome.figure("ca.pem key", ca.getPublicKey().getAlgorithm());
    outcome.figure("ca.pem basicConstraints pathLen", pathLen == Integer.MAX_VALUE ? "unlimited" : pathLen);
    outcome.figure("ca.pem nameConstraints", nameConstraints ? "present" : "absent");
    X509Certificate evilLeaf = sign(ca, key, "CN=evil.example", "evil.example", false, null);
    KeyPair intermediateKeys = keyPair();
    X509Certificate intermediate = sign(ca, key, "CN=intermediate", null, true, intermediateKeys);
    X509Certificate viaIntermediate = sign(intermediate, intermediateKeys.getPrivate(), "CN=localhost", "localhost",
        false, null);
    boolean javaTrustsEvil = javaTrusts(ca, List.of(evilLeaf));
    boolean javaTrustsChain = javaTrusts(ca, List.of(viaIntermediate, intermediate));
    String opensslEvil = openssl(ca, List.of(evilLeaf), "evil.example");
    String opensslChain = openssl(ca, List.of(viaIntermediate, intermediate), "localhost");
    outcome.figure("Java PKIX, forged leaf for evil.example", javaTrustsEvil ? "trusted" : "refused");
    outcome.figure("Java PKIX, forged chain through a second CA", javaTrustsChain ? "trusted" : "refused");
    outcome.figure("openssl verify, forged leaf for evil.example", opensslEvil);
    outcome.figure("openssl verify, forged chain through a second CA", opensslChain);
    outcome.after(target);
    outcome.check("ca.pem path length", "0", pathLen == Integer.MAX_VALUE ? "unlimited" : pathLen, pathLen == 0);
    outcome.check("ca.pem name constraints", "present", nameConstraints ? "present" : "absent", nameConstraints);
    outcome.check("openssl trusts a forged leaf for another name", "refused", opensslEvil,
        !opensslEvil.startsWith("trusted"));
    outcome.check("openssl trusts a forged chain through a second CA", "refused", opensslChain,
        !opensslChain.startsWith("trusted"));
    if (javaTrustsEvil || javaTrustsChain) {
      outcome.note("the JDK's PKIX validator does not apply a trust anchor's own path length and name"
          + " constraints (RFC 5280 section 6.1 leaves that to the implementation), so a Java app trusting"
          + " truststore.p12 is protected only by the data dir's key staying private");
    }
    // CPU rather than wall time: on a shared machine the wall time of a start varies by seconds.
    outcome.check("certificate generation's share of a start (CPU, new data dir − certificate already made)",
        "≤ " + CERTIFICATE_COST_TARGET_MS + " ms", (newDir[1] - sameDir[1]) + " ms",
        newDir[1] - sameDir[1] <= CERTIFICATE_COST_TARGET_MS);
  }

  /**
   * Median wall and CPU milliseconds from launch to ready line with HTTPS on: in a new data dir
   * each time, or in {@code dataDir}, where the first start (not counted) makes the certificate.
   */
  private static long[] medianStart(Bench bench, Path dataDir) throws IOException {
    long[] nanos = new long[STARTS];
    long[] cpuNanos = new long[STARTS];
    if (dataDir != null) {
      try (Target first = bench.startChild(ChildLaunch.defaults().https().dataDir(dataDir), "ca-constraints-first")) {
        first.terminate();
      }
    }
    for (int i = 0; i < STARTS; i++) {
      ChildLaunch launch = ChildLaunch.defaults().https();
      if (dataDir != null) {
        launch.dataDir(dataDir);
      }
      long start = System.nanoTime();
      try (Target child = bench.startChild(launch, "ca-constraints-start-" + (dataDir == null ? "new-" : "made-")
          + i)) {
        nanos[i] = System.nanoTime() - start;
        cpuNanos[i] = CallemuProcess.cpuNanos(child.pid());
      }
    }
    return new long[] {new Latencies(nanos).percentile(50) / 1_000_000,
        new Latencies(cpuNanos).percentile(50) / 1_000_000};
  }

  private static X509Certificate certificate(Path pem) throws Exception {
    try (java.io.InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static PrivateKey privateKey(Path pem) throws Exception {
    try (PEMParser parser = new PEMParser(Files.newBufferedReader(pem, StandardCharsets.US_ASCII))) {
      Object o = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      return o instanceof PEMKeyPair pair ? converter.getKeyPair(pair).getPrivate()
          : converter.getPrivateKey((PrivateKeyInfo) o);
    }
  }

  private static KeyPair keyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  /** A certificate issued by {@code issuer} with {@code issuerKey}: a leaf for {@code dns} or a CA. */
  private static X509Certificate sign(X509Certificate issuer, PrivateKey issuerKey, String subject, String dns,
      boolean ca, KeyPair subjectKeys) throws Exception {
    PublicKey publicKey = (subjectKeys != null ? subjectKeys : keyPair()).getPublic();
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
        X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), BigInteger.valueOf(now.toEpochMilli()),
        Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(30, ChronoUnit.DAYS)), new X500Name(subject),
        publicKey);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    if (dns != null) {
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(new GeneralName(GeneralName.dNSName, dns)));
    }
    String algorithm = issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
  }

  private static boolean javaTrusts(X509Certificate anchor, List<X509Certificate> chain) {
    try {
      PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
      parameters.setRevocationEnabled(false);
      CertPathValidator.getInstance("PKIX").validate(
          CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** {@code openssl verify}'s verdict: "trusted", "refused: <reason>", or why it could not run. */
  private static String openssl(X509Certificate anchor, List<X509Certificate> chain, String host) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("soak-openssl");
      Path caFile = write(dir.resolve("ca.pem"), List.of(anchor));
      Path leaf = write(dir.resolve("leaf.pem"), chain.subList(0, 1));
      List<String> command = new ArrayList<>(List.of("openssl", "verify", "-CAfile", caFile.toString(),
          "-purpose", "sslserver", "-verify_hostname", host));
      if (chain.size() > 1) {
        command.addAll(List.of("-untrusted", write(dir.resolve("chain.pem"), chain.subList(1, chain.size()))
            .toString()));
      }
      command.add(leaf.toString());
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "openssl timed out";
      }
      String reason = out.lines().filter(l -> l.startsWith("error")).findFirst().orElse(out);
      return p.exitValue() == 0 ? "trusted" : "refused: " + reason.replace(dir + "/", "");
    } catch (Exception e) {
      return "not run (" + e.getMessage() + ")";
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not remove " + dir + ": " + e.getMessage());
    }
  }

  private static Path write(Path file, List<X509Certificate> certificates) throws IOException {
    try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII))) {
      for (X509Certificate c : certificates) {
        writer.writeObject(c);
      }
    }
    return file;
  }
}
