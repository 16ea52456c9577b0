package io.callemu.emulator.platform.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;

/**
 * The origin ({@code scheme://host[:port]}) a request came in on: the scheme of the port that took
 * it, the host as the client wrote it in {@code Host}. URLs callemu hands out (issuers, token and
 * key endpoints, {@code Location} headers) use it, so a client that reached callemu as
 * {@code https://localhost:9443} is sent back there, never to an address it did not use.
 */
public final class RequestOrigin {

  private RequestOrigin() {
  }

  /** {@code https://localhost:9443}, {@code http://127.0.0.1:9080}; never a trailing slash. */
  public static String of(HttpServerRequest request) {
    return (request.isSSL() ? "https" : "http") + "://" + authority(request);
  }

  private static String authority(HttpServerRequest request) {
    HostAndPort authority = request.authority();
    if (authority != null) {
      return authority.toString();
    }
    // HTTP/1.0 without Host: the address the connection reached.
    SocketAddress local = request.localAddress();
    String host = local.hostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + local.port();
  }
}
