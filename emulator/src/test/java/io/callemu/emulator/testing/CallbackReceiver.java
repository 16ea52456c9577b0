package io.callemu.emulator.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The app under test, reduced to its webhook: a Vert.x server that records every POST (path,
 * headers of interest, JSON body) and answers what {@code answer} says.
 */
public final class CallbackReceiver implements AutoCloseable {

  /** One received POST; {@code authorization} is its Authorization header, or null. */
  public record Received(String path, String aegEventType, Object body, String authorization) {

    /** The single CloudEvent of a Call Automation callback. */
    public JsonObject event() {
      JsonArray array = (JsonArray) body;
      if (array.size() != 1) {
        throw new AssertionError("expected one event per POST, got " + array.size());
      }
      return array.getJsonObject(0);
    }

    public String type() {
      return event().getString("type");
    }
  }

  /** What to answer: status and body. */
  public record Answer(int status, String body) {
    public static final Answer OK = new Answer(200, "");
    /** Never answer: the request stays open (an app whose handler hangs). */
    public static final Answer NEVER = new Answer(-1, "");
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Function<Received, Answer> answer = r -> Answer.OK;

  private CallbackReceiver(HttpServer server) {
    this.server = server;
  }

  public static CallbackReceiver start(Vertx vertx) {
    HttpServer server = vertx.createHttpServer();
    CallbackReceiver receiver = new CallbackReceiver(server);
    server.requestHandler(req -> req.body().onSuccess(buf -> {
      Object body = buf.length() == 0 ? null : io.vertx.core.json.Json.decodeValue(buf);
      Received r = new Received(req.path(), req.getHeader("aeg-event-type"), body, req.getHeader("Authorization"));
      receiver.received.add(r);
      Answer a = receiver.answer.apply(r);
      if (a != Answer.NEVER) {
        req.response().setStatusCode(a.status()).putHeader("Content-Type", "application/json").end(a.body());
      }
    }));
    try {
      server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return receiver;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  public void answer(Function<Received, Answer> answer) {
    this.answer = answer;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Types of the callbacks received on {@code path}, in arrival order. */
  public List<String> types(String path) {
    return received.stream().filter(r -> r.path().equals(path)).map(Received::type).toList();
  }

  @Override
  public void close() {
    server.close();
  }
}
