package io.callemu.emulator.platform.tls;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/** JDK TLS plumbing for tests: contexts from the generated files and an in-memory handshake. */
final class TestTls {

  private TestTls() {}

  /** A server context built the way an HTTPS listener would: from the PEM key and certificate. */
  static SSLContext serverContext(TlsMaterial material) throws Exception {
    return serverContext(Pem.readPrivateKey(material.keyPem()), Pem.readCertificate(material.certPem()));
  }

  /** A server context that presents {@code chain} (leaf first) and holds the leaf's {@code key}. */
  static SSLContext serverContext(PrivateKey key, Certificate... chain) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("server", key, new char[0], chain);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    return context;
  }

  /** A client context that trusts nothing but the given PKCS12 trust store. */
  static SSLContext clientContextTrusting(Path trustStore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(trustStore)) {
      store.load(in, DevCertificates.TRUST_STORE_PASSWORD.toCharArray());
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  /** A client engine that checks the certificate against {@code host} as an HTTPS client does. */
  static SSLEngine clientEngine(SSLContext context, String host) {
    SSLEngine engine = context.createSSLEngine(host, 443);
    engine.setUseClientMode(true);
    SSLParameters parameters = engine.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    engine.setSSLParameters(parameters);
    return engine;
  }

  static SSLEngine serverEngine(SSLContext context) {
    SSLEngine engine = context.createSSLEngine();
    engine.setUseClientMode(false);
    return engine;
  }

  /**
   * Drives both engines against each other through in-memory buffers until neither is
   * handshaking; throws the engine's SSLException when one side rejects the other.
   */
  static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
    int packet = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
    int app = Math.max(client.getSession().getApplicationBufferSize(), server.getSession().getApplicationBufferSize());
    ByteBuffer clientToServer = ByteBuffer.allocate(packet * 4);
    ByteBuffer serverToClient = ByteBuffer.allocate(packet * 4);
    ByteBuffer clientApp = ByteBuffer.allocate(app);
    ByteBuffer serverApp = ByteBuffer.allocate(app);
    client.beginHandshake();
    server.beginHandshake();
    for (int round = 0; round < 200; round++) {
      if (idle(client) && idle(server)) {
        return;
      }
      step(client, clientToServer, serverToClient, clientApp);
      step(server, serverToClient, clientToServer, serverApp);
    }
    throw new AssertionError("handshake did not finish in 200 rounds");
  }

  private static boolean idle(SSLEngine engine) {
    HandshakeStatus status = engine.getHandshakeStatus();
    return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
  }

  private static void step(SSLEngine engine, ByteBuffer out, ByteBuffer in, ByteBuffer app)
      throws SSLException {
    switch (engine.getHandshakeStatus()) {
      case NEED_TASK -> {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
          task.run();
        }
      }
      case NEED_WRAP -> engine.wrap(ByteBuffer.allocate(0), out);
      case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
        in.flip();
        engine.unwrap(in, app);
        in.compact();
      }
      default -> {}
    }
  }
}
