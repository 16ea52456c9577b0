package io.callemu.emulator.platform.tls;

import java.nio.file.Path;

/**
 * Where the HTTPS server's certificate and the files that let clients trust it live.
 *
 * @param certPem the server certificate (PEM), handed to the HTTPS listener
 * @param keyPem the server's private key (unencrypted PKCS#8 PEM), handed to the HTTPS listener
 * @param caPem what apps trust, e.g. {@code NODE_EXTRA_CA_CERTS=<caPem>}; for the generated
 *     development certificate this is the certificate itself, which acts as its own CA
 * @param trustStore a PKCS12 trust store holding {@code caPem} as a trusted entry, for Java apps
 *     ({@code -Djavax.net.ssl.trustStore=<trustStore> -Djavax.net.ssl.trustStorePassword=changeit})
 */
public record TlsMaterial(Path certPem, Path keyPem, Path caPem, Path trustStore) {}
