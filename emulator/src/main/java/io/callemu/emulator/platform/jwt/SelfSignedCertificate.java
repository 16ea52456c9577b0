package io.callemu.emulator.platform.jwt;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate published with a signing key ({@code x5c}): it only carries the public key to
 * validators that read keys from certificates, so it is self-signed, names callemu, and outlives
 * any data dir (a key is never rotated).
 */
final class SelfSignedCertificate {

  static final Duration VALIDITY = Duration.ofDays(10 * 365);
  /** Backdated so a validator whose clock lags still accepts it. */
  private static final Duration BACKDATE = Duration.ofDays(1);

  private SelfSignedCertificate() {
  }

  static X509Certificate of(KeyPair pair) throws GeneralSecurityException {
    X500Name name = new X500Name("CN=callemu token signing key, O=callemu");
    Instant now = Instant.now();
    try {
      return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
          new BigInteger(64, new SecureRandom()).setBit(63), Date.from(now.minus(BACKDATE)),
          Date.from(now.plus(VALIDITY)), name, pair.getPublic())
          .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot sign the key's certificate", e);
    }
  }
}
