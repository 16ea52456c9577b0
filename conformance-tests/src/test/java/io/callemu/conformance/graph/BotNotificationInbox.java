package io.callemu.conformance.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.models.Call;
import com.microsoft.graph.models.CommsOperation;
import com.microsoft.kiota.serialization.JsonParseNodeFactory;
import com.microsoft.kiota.serialization.ParseNode;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Java bot's notification endpoint: receives commsNotifications on a loopback port (answered 202,
 * as bots do) and keeps each body with its Authorization header. The Graph Java SDK 6.20.0 has no
 * class for the envelope (official-clients.md 3.5), so a notification's {@code resourceData} is
 * parsed by hand with the SDK's own models: {@link Call} or {@link CommsOperation} (which picks
 * RecordOperation, PlayPromptOperation, … by {@code @odata.type}).
 */
final class BotNotificationInbox implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_BYTES = 1 << 20;
  private static final int MAX_RECORDED = 10_000;

  /** One notification: the envelope's single commsNotification and the bearer token it came with. */
  record Notification(JsonNode value, String authorization) {

    String changeType() {
      return value.path("changeType").asText();
    }

    String resourceUrl() {
      return value.path("resourceUrl").asText();
    }

    boolean isOperation() {
      return resourceUrl().contains("/operations/");
    }

    /** The resourceData as the SDK's {@link Call}. */
    Call call() {
      return parse(Call::createFromDiscriminatorValue);
    }

    /** The resourceData as the SDK's {@link CommsOperation} subtype named by its {@code @odata.type}. */
    CommsOperation operation() {
      return parse(CommsOperation::createFromDiscriminatorValue);
    }

    private <T extends Parsable> T parse(ParsableFactory<T> factory) {
      try {
        byte[] bytes = JSON.writeValueAsBytes(value.path("resourceData"));
        ParseNode node = new JsonParseNodeFactory().getParseNode("application/json", new ByteArrayInputStream(bytes));
        return node.getObjectValue(factory);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<String[]> received = new ArrayList<>();

  BotNotificationInbox() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/notifications/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String url(String tag) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/notifications/" + tag;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES);
      synchronized (received) {
        if (received.size() < MAX_RECORDED) {
          received.add(new String[] {exchange.getRequestURI().getPath(), new String(body, StandardCharsets.UTF_8),
              exchange.getRequestHeaders().getFirst("Authorization")});
          received.notifyAll();
        }
      }
      exchange.sendResponseHeaders(202, -1);
    }
  }

  /** The notifications of {@code tag} once there are at least {@code count} (10 s at most). */
  List<Notification> await(String tag, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    synchronized (received) {
      while (true) {
        List<Notification> mine = new ArrayList<>();
        for (String[] r : received) {
          if (r[0].equals("/notifications/" + tag)) {
            try {
              mine.add(new Notification(JSON.readTree(r[1]).path("value").get(0), r[2]));
            } catch (IOException e) {
              throw new AssertionError("a notification that is no JSON: " + r[1], e);
            }
          }
        }
        long left = deadline - System.nanoTime();
        if (mine.size() >= count || left <= 0) {
          if (mine.size() < count) {
            throw new AssertionError("expected " + count + " notifications on " + tag + ", got " + mine.size());
          }
          return mine;
        }
        try {
          received.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
