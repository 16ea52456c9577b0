package io.callemu.conformance;

import com.azure.communication.callautomation.CallAutomationEventParser;
import com.azure.communication.callautomation.models.events.CallAutomationEventBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Java app's web server: receives Call Automation callbacks on a loopback port and parses each
 * body with the Java SDK 1.0.4's {@link CallAutomationEventParser#parseEvents(String)}, as an app
 * does. A body the parser rejects — or an event type the SDK knows that it parses to nothing — is
 * recorded as a parse failure.
 */
final class JavaCallbackInbox implements AutoCloseable {

  /** The callback event types Java SDK 1.0.4 has classes for (§7.1); it silently drops all others. */
  static final Set<String> JAVA_104_EVENT_TYPES = Set.of(
      "CallConnected", "CallDisconnected", "AddParticipantFailed", "AddParticipantSucceeded",
      "CallTransferAccepted", "CallTransferFailed", "ParticipantsUpdated", "RecordingStateChanged",
      "PlayCompleted", "PlayFailed", "PlayCanceled", "RecognizeCompleted", "RecognizeFailed",
      "RecognizeCanceled", "RemoveParticipantFailed", "RemoveParticipantSucceeded");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_BYTES = 1 << 20;
  private static final int MAX_RECORDED = 10_000;

  /** One POST the app received; {@code events} is what the SDK parser made of it. */
  record Received(String path, String body, List<CallAutomationEventBase> events, String parseFailure) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<Received> received = new ArrayList<>();

  JavaCallbackInbox() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/callbacks/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String callbackUrl(String tag) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks/" + tag;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes;
      try (InputStream in = exchange.getRequestBody()) {
        bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      if (bytes.length > MAX_BODY_BYTES) {
        exchange.sendResponseHeaders(413, -1);
        return;
      }
      String body = new String(bytes, StandardCharsets.UTF_8);
      record(parse(exchange.getRequestURI().getPath(), body));
      exchange.sendResponseHeaders(200, -1);
    }
  }

  /** Parses one callback body the way the app does; also used for bodies taken from the journal. */
  static Received parse(String path, String body) {
    try {
      List<CallAutomationEventBase> events = CallAutomationEventParser.parseEvents(body);
      String type = shortType(body);
      if (type == null) {
        // parseEvents answers an empty list for text that is no JSON event at all
        return new Received(path, body, events, "not a JSON event (array) with a type");
      }
      if (events.isEmpty() && JAVA_104_EVENT_TYPES.contains(type)) {
        return new Received(path, body, events, "the SDK knows " + type + " but parsed it to no event");
      }
      return new Received(path, body, events, null);
    } catch (RuntimeException e) {
      return new Received(path, body, List.of(), "CallAutomationEventParser.parseEvents threw " + e);
    }
  }

  /**
   * "CallConnected" for a body whose (first) event has type Microsoft.Communication.CallConnected;
   * null when the body is not JSON or its event has no type.
   */
  static String shortType(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null) {
        return null;
      }
      JsonNode type = (node.isArray() ? node.path(0) : node).path("type");
      return type.isTextual() ? type.asText().replaceFirst("^Microsoft\\.Communication\\.", "") : null;
    } catch (IOException e) {
      return null;
    }
  }

  private synchronized void record(Received r) {
    if (r.parseFailure() != null) {
      System.err.println("PARSE FAILURE (Java SDK 1.0.4) on " + r.path() + ": " + r.parseFailure() + "\nbody: " + r.body());
    }
    received.add(r);
    if (received.size() > MAX_RECORDED) {
      received.remove(0);
    }
    notifyAll();
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  synchronized List<Received> parseFailures() {
    return received.stream().filter(r -> r.parseFailure() != null).toList();
  }

  /** Waits (bounded, woken by each arriving callback) until the SDK parsed an event of that class for that call. */
  synchronized <T extends CallAutomationEventBase> T await(Class<T> type, String callConnectionId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> found = received.stream()
          .flatMap(r -> r.events().stream())
          .filter(type::isInstance)
          .map(type::cast)
          .filter(e -> callConnectionId.equals(e.getCallConnectionId()))
          .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no " + type.getSimpleName() + " for call " + callConnectionId + " within " + timeout
            + "; received: " + received.stream().map(Received::body).toList());
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  /**
   * Waits (bounded) for a callback of that event type for that call, also one the SDK does not
   * know (e.g. PlayStarted, which Java 1.0.4 drops), and returns its raw body.
   */
  synchronized String awaitBody(String shortType, String callConnectionId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<String> found = received.stream().map(Received::body)
          .filter(b -> shortType.equals(shortType(b)) && b.contains("\"callConnectionId\":\"" + callConnectionId + "\""))
          .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no " + shortType + " for call " + callConnectionId + " within " + timeout);
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  /** Raw bodies of the callbacks received on one tag's URL. */
  synchronized List<String> bodies(String tag) {
    return received.stream().filter(r -> r.path().equals("/callbacks/" + tag)).map(Received::body).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
