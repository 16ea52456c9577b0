package io.callemu.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app's prompt files, served on loopback the way an app hosts them for {@code FileSource}
 * (reference §5 PlaySource.file.uri): callemu fetches them to learn their duration.
 */
final class PromptFileServer implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();

  PromptFileServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  /** Serves {@code bytes} at {@code /name} and returns its URL. */
  String put(String name, byte[] bytes) {
    files.put("/" + name, bytes);
    return url(name);
  }

  /** The URL a file would have; nothing is served there unless {@link #put}. */
  String url(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
  }

  /** A loopback URL where nothing listens (a port that was free a moment ago). */
  static String unreachableUrl(String name) {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + s.getLocalPort() + "/" + name;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = files.get(exchange.getRequestURI().getPath());
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", "audio/wav");
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(200, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
