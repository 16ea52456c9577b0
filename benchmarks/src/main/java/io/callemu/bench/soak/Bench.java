package io.callemu.bench.soak;

import io.callemu.bench.load.CallemuClient;
import io.callemu.emulator.Callemu;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What every scenario shares: the harness's Vert.x (clients and app servers), the size factor, and
 * blocking helpers for the main thread (calls, control requests, bounded waits).
 */
final class Bench {

  /** Each call's remote party, the same for all: callemu only needs a communication user. */
  static final String CALLEE = "8:acs:soak-callee";

  final Vertx vertx;
  private final double scale;
  private final String accessKey;
  private final java.nio.file.Path jar;
  private final java.nio.file.Path logDir;
  private final List<Target> extraChildren = new ArrayList<>();
  private final List<AppServer> servers = new ArrayList<>();
  private final List<CallemuClient> clients = new ArrayList<>();

  Bench(Vertx vertx, double scale, String accessKey, java.nio.file.Path jar, java.nio.file.Path logDir) {
    this.vertx = vertx;
    this.scale = scale;
    this.accessKey = accessKey;
    this.jar = jar;
    this.logDir = logDir;
  }

  /** A further child for scenarios that compare launches; stopped when the scenario ends. */
  Target startChild(ChildLaunch launch, String logName) throws IOException {
    Target child = Target.start(jar, launch, logDir.resolve(logName + ".log"));
    extraChildren.add(child);
    return child;
  }

  /** {@code n} times the {@code --scale} factor, at least 1. */
  int scaled(int n) {
    return (int) Math.max(1, Math.round(n * scale));
  }

  /** An app server, closed when the scenario ends. */
  AppServer app() throws Exception {
    AppServer app = AppServer.start(vertx);
    servers.add(app);
    return app;
  }

  /** A signed Call Automation client, closed when the scenario ends. */
  CallemuClient acs(Target target, int connections) {
    CallemuClient client = new CallemuClient(vertx, target.url(), accessKey == null ? Callemu.WELL_KNOWN_ACCESS_KEY
        : accessKey, connections);
    clients.add(client);
    return client;
  }

  /** Creates a call reporting to {@code callbackUri} and returns its callConnectionId. */
  static String createCall(CallemuClient acs, String callbackUri, String operationContext) throws Exception {
    CallemuClient.Response created = await(acs.createCall(CALLEE, callbackUri, operationContext), 60);
    if (created.status() != 201) {
      throw new IOException("createCall answered " + created.status() + ": " + created.bodyText());
    }
    return new JsonObject(created.body()).getString("callConnectionId");
  }

  /** Creates {@code count} calls at once; the callback of call {@code i} is {@code callbackUri(i)}. */
  static List<String> createCalls(CallemuClient acs, int count, java.util.function.IntFunction<String> callbackUri)
      throws Exception {
    List<Future<CallemuClient.Response>> pending = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      pending.add(acs.createCall(CALLEE, callbackUri.apply(i), "soak-" + i));
    }
    await(Future.join(pending), 300);
    List<String> ids = new ArrayList<>();
    for (Future<CallemuClient.Response> f : pending) {
      if (f.succeeded() && f.result().status() == 201) {
        ids.add(new JsonObject(f.result().body()).getString("callConnectionId"));
      } else {
        throw new IOException("createCall failed: " + (f.succeeded() ? f.result().status() + " "
            + f.result().bodyText() : f.cause()));
      }
    }
    return ids;
  }

  /** Hangs every call up (DELETE); returns the 5xx answers among them. */
  static long hangUp(CallemuClient acs, List<String> ids) throws Exception {
    List<Future<CallemuClient.Response>> pending = new ArrayList<>();
    ids.forEach(id -> pending.add(acs.hangUp(id)));
    try {
      await(Future.join(pending), 300);
    } catch (Exception e) {
      // counted below
    }
    return pending.stream().filter(f -> f.failed() || f.result().status() >= 500).count();
  }

  /** A control request (JSON body, or none); the answer in full. */
  static RawHttp.Response control(Target target, String method, String path, String json) throws IOException {
    return RawHttp.send(target, method, path, json);
  }

  /** {@code POST /_emulator/reset}; throws unless it answered 204. */
  static void reset(Target target) throws IOException {
    RawHttp.Response r = control(target, "POST", "/_emulator/reset", null);
    if (r.status() != 204) {
      throw new IOException("reset answered " + r.status() + ": " + r.text());
    }
  }

  /** Polls {@code done} every 50 ms; true when it held within {@code maxMillis}. */
  static boolean waitUntil(BooleanSupplier done, long maxMillis) throws InterruptedException {
    long deadline = System.nanoTime() + maxMillis * 1_000_000;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  static <T> T await(Future<T> future, long seconds) throws Exception {
    return Soak.await(future, seconds);
  }

  /**
   * Makes {@code target} serve one call (created, called back, hung up) and resets it, so that the
   * baseline a scenario measures is a callemu whose pools and lazily made structures exist, not a
   * cold one; what the scenario's burst leaves behind is then the difference. Best effort: a
   * target it cannot reach (a wrong ready line) is left as it is, and the scenario says why.
   */
  void warmUp(Target target, Outcome outcome) {
    try {
      AppServer app = AppServer.start(vertx);
      CallemuClient acs = new CallemuClient(vertx, target.url(), accessKey == null ? Callemu.WELL_KNOWN_ACCESS_KEY
          : accessKey, 1);
      try {
        String call = createCall(acs, app.uri(AppServer.Behaviour.OK, 0), "warm-up");
        waitUntil(() -> !app.acknowledged().isEmpty(), 2_000);
        hangUp(acs, List.of(call));
        waitUntil(() -> app.acknowledged().size() >= 2, 2_000);
        reset(target);
      } finally {
        await(acs.close(), 10);
        await(app.close(), 10);
      }
    } catch (Exception e) {
      outcome.note("no warm-up call before the baseline: " + e.getMessage());
    }
  }

  /** Closes the scenario's clients and app servers. */
  void closeScenario() {
    for (CallemuClient c : clients) {
      try {
        await(c.close(), 10);
      } catch (Exception e) {
        // the scenario is over either way
      }
    }
    for (AppServer s : servers) {
      try {
        await(s.close(), 10);
      } catch (Exception e) {
        // the scenario is over either way
      }
    }
    extraChildren.forEach(Target::close);
    clients.clear();
    servers.clear();
    extraChildren.clear();
  }
}
