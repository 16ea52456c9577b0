package io.callemu.emulator.junit;

import io.callemu.emulator.platform.tls.DevCertificates;
import io.callemu.emulator.platform.tls.TlsMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * One development certificate per JVM, copied into every test class's fresh data dir, where
 * {@link DevCertificates#ensure} then finds and reuses it. Making a certificate (EC key, signature,
 * PKCS12 trust store) costs 35-55 ms of CPU once the JVM has loaded the classes; a suite of many
 * test classes would otherwise pay that for each class.
 */
final class SharedDevCertificate {

  private static TlsMaterial shared;

  private SharedDevCertificate() {}

  static synchronized void copyInto(Path dataDir) throws IOException {
    if (shared == null) {
      Path dir = Files.createTempDirectory("callemu-junit-tls-");
      dir.toFile().deleteOnExit();
      shared = DevCertificates.ensure(dir);
      try (var files = Files.list(dir)) {
        // deleteOnExit runs in reverse order of registration: these files go before their dir.
        files.forEach(file -> file.toFile().deleteOnExit());
      }
    }
    for (Path file : List.of(shared.certPem(), shared.keyPem(), shared.caPem(), shared.trustStore())) {
      // COPY_ATTRIBUTES keeps key.pem owner-only.
      Files.copy(file, dataDir.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
    }
  }
}
