package io.callemu.appbench.run;

import io.callemu.appbench.measure.CallRecord;
import io.callemu.appbench.measure.CallTracker;
import io.callemu.appbench.measure.TimerLatenessReading;
import io.callemu.appbench.plan.ClockMode;
import io.callemu.appbench.plan.EntryKind;
import io.callemu.appbench.plan.Plan;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs one plan against a callemu: offers or triggers calls as the arrival says, reads the journal
 * as it goes, ends calls whose time is up, and on the virtual clock moves time to the next thing
 * due whenever every call waits on time (nothing on its way to the app, no call waiting for the
 * app to react, for at most {@code clock.appWaitMs} of real time). Everything runs on one Vert.x
 * event loop of the bench's own.
 */
public final class BenchRun {

  /** How often the journal is read: the virtual clock polls fast, since time stands still meanwhile. */
  static final long VIRTUAL_POLL_MS = 3;
  static final long WALL_POLL_MS = 50;
  /** Polls that found nothing new before the virtual clock may move. */
  static final int QUIET_POLLS = 2;
  static final int MAX_LOOKUPS = 16;
  /**
   * How often callbacks still being delivered are read again on the wall clock: re-reading them on
   * every poll made each poll read thousands of entries at 200 calls/s. The virtual clock needs them
   * at once (time may only move once they arrived) and runs far fewer calls at a time.
   */
  static final long WALL_REREAD_MS = 500;

  private final Vertx vertx;
  private final Plan plan;
  private final Target target;
  private final Http http;
  private final CallTracker tracker;
  private final JournalFeed feed;
  private final ProfilePicker picker;
  private final Progress progress;
  private final Promise<RunResult> done = Promise.promise();
  private final Map<CallRecord, Long> deadlines = new HashMap<>();
  private final Map<Integer, ArrayDeque<CallRecord>> unplaced = new HashMap<>();
  private final Set<String> lookups = new HashSet<>();
  private final Set<String> foreign = new HashSet<>();
  private final boolean virtual;
  private long emulatedStart;
  private long emulatedNow;
  private long realStart;
  private JsonObject latenessAtStart;
  private int started;
  private int inFlight;
  private int quietPolls;
  private boolean finishing;
  private long cpuAtStart;
  private double peakHeapMb;

  private BenchRun(Vertx vertx, Plan plan, Target target, PrintStream progressOut) {
    this.vertx = vertx;
    this.plan = plan;
    this.target = target;
    this.http = new Http(vertx, target.url(), target.controlToken());
    this.tracker = new CallTracker(plan.limits().callbackLateMs());
    this.virtual = plan.clock().mode() == ClockMode.VIRTUAL;
    this.feed = new JournalFeed(http, tracker, virtual ? 0 : WALL_REREAD_MS);
    this.picker = new ProfilePicker(plan.profiles());
    this.progress = new Progress(progressOut);
  }

  /**
   * Runs {@code plan} to its end and returns what it measured.
   *
   * @throws SetupException when the callemu or the app cannot be used as the plan needs
   */
  public static RunResult run(Plan plan, Target target, PrintStream progressOut) {
    Vertx vertx = Vertx.vertx();
    try {
      BenchRun run = new BenchRun(vertx, plan, target, progressOut);
      vertx.runOnContext(v -> run.start());
      long limit = plan.limits().maxRunSeconds() + 120;
      return run.done.future().toCompletionStage().toCompletableFuture().get(limit, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SetupException s) {
        throw s;
      }
      throw new IllegalStateException("the run failed: " + e.getCause().getMessage(), e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the run did not end within limits.maxRunSeconds", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      vertx.close();
    }
  }

  // ---- set-up ------------------------------------------------------------------------------------

  private void start() {
    http.control(HttpMethod.GET, "/health", null)
        .recover(e -> Future.failedFuture(new SetupException("callemu at " + target.url() + " does not answer: " + e.getMessage())))
        .compose(h -> h.ok() ? Future.succeededFuture() : Future.failedFuture(new SetupException(
            "callemu at " + target.url() + " answered its health check with " + h.describe())))
        .compose(v -> target.isEmbedded() ? Future.succeededFuture() : prepareTarget())
        .compose(v -> addScenarios())
        .compose(v -> http.control(HttpMethod.GET, "/clock", null))
        .onSuccess(clock -> {
          String mode = clock.body().getString("mode", "?");
          if (virtual != "virtual".equals(mode)) {
            done.tryFail(new SetupException("the plan's clock is " + plan.clock().mode().wire() + " but callemu at "
                + target.url() + " runs the " + mode + " clock (start it with --clock " + (virtual ? "virtual" : "wall") + ")"));
            return;
          }
          latenessAtStart = clock.body().getJsonObject("timerLateness");
          emulatedStart = clock.body().getLong("nowMillis", System.currentTimeMillis());
          emulatedNow = emulatedStart;
          realStart = System.currentTimeMillis();
          cpuAtStart = cpuMs();
          vertx.setPeriodic(1000, id -> {
            peakHeapMb = Math.max(peakHeapMb, heapMb());
            if (!finishing) {
              progress.show(this);
            }
          });
          if (!virtual) {
            vertx.setPeriodic(5, id -> startDueCalls());
          }
          tick();
        })
        .onFailure(done::tryFail);
  }

  /** A running callemu: reset it (calls, journal, scenarios) and apply the plan's settings. */
  private Future<Void> prepareTarget() {
    return http.control(HttpMethod.POST, "/reset", null).compose(r -> {
      if (plan.settings().isEmpty()) {
        return Future.succeededFuture();
      }
      JsonObject settings = new JsonObject();
      plan.settings().forEach(settings::put);
      return http.control(HttpMethod.POST, "/settings", settings).compose(a -> a.ok() ? Future.<Void>succeededFuture()
          : Future.failedFuture(new SetupException("callemu refused the plan's settings: " + a.describe())));
    });
  }

  /** One scenario holding every profile's rules, each rule matched to its profile's caller number. */
  private Future<Void> addScenarios() {
    JsonArray rules = new JsonArray();
    for (int i = 0; i < plan.profiles().size(); i++) {
      JsonArray own = new JsonObject(plan.profiles().get(i).scenario()).getJsonArray("rules");
      for (int r = 0; r < own.size(); r++) {
        JsonObject rule = own.getJsonObject(r).copy();
        JsonObject match = rule.getJsonObject("match", new JsonObject()).copy().put("remoteParty", CallerNumbers.rawId(i));
        rules.add(rule.put("match", match));
      }
    }
    if (rules.isEmpty()) {
      return Future.succeededFuture();
    }
    return http.control(HttpMethod.POST, "/scenarios", new JsonObject().put("rules", rules)).compose(a -> a.ok()
        ? Future.<Void>succeededFuture()
        : Future.failedFuture(new SetupException("callemu refused the profiles' scenarios: " + a.describe())));
  }

  // ---- the loop ----------------------------------------------------------------------------------

  private void tick() {
    if (finishing) {
      return;
    }
    feed.poll().onComplete(ar -> {
      if (ar.failed()) {
        done.tryFail(ar.cause());
        return;
      }
      quietPolls = ar.result() == 0 ? quietPolls + 1 : 0;
      afterPoll();
    });
  }

  private void afterPoll() {
    if (plan.entry().kind() == EntryKind.OUTBOUND) {
      resolveOutboundCalls();
    }
    if (System.currentTimeMillis() - realStart > plan.limits().maxRunSeconds() * 1000) {
      expire(active());
      finish();
      return;
    }
    startDueCalls();
    expire(overdue());
    if (allDone()) {
      finish();
      return;
    }
    if (virtual && readyToMoveTime()) {
      moveTime();
    } else {
      vertx.setTimer(virtual ? VIRTUAL_POLL_MS : WALL_POLL_MS, id -> tick());
    }
  }

  private boolean allDone() {
    return !moreCallsToStart() && inFlight == 0 && active().isEmpty();
  }

  private boolean readyToMoveTime() {
    long waitNanos = plan.clock().appWaitMs() * 1_000_000L;
    return inFlight == 0 && lookups.isEmpty() && quietPolls >= QUIET_POLLS
        && tracker.callbacksOnTheirWay() == 0
        && !tracker.anyAwaitingSince(System.nanoTime() - waitNanos);
  }

  /** Advances the virtual clock to the next timer, arrival or call deadline. */
  private void moveTime() {
    http.control(HttpMethod.GET, "/clock", null).compose(clock -> {
      emulatedNow = clock.body().getLong("nowMillis", emulatedNow);
      long next = Long.MAX_VALUE;
      String due = clock.body().getString("nextDueAt");
      if (due != null) {
        next = Instant.parse(due).toEpochMilli();
      }
      if (plan.arrival().isRate() && moreCallsToStart()) {
        next = Math.min(next, (long) Math.ceil(arrivalAt(started)));
      }
      for (CallRecord c : active()) {
        next = Math.min(next, deadlines.getOrDefault(c, Long.MAX_VALUE));
      }
      if (next == Long.MAX_VALUE) {
        // Nothing will ever happen again: the calls still going wait for something nobody does.
        expire(active());
        return Future.succeededFuture();
      }
      long ms = Math.max(0, next - emulatedNow);
      return http.control(HttpMethod.POST, "/clock/advance", new JsonObject().put("ms", ms)).map(a -> {
        emulatedNow = a.body().getLong("nowMillis", emulatedNow + ms);
        return null;
      });
    }).onComplete(ar -> {
      if (ar.failed()) {
        done.tryFail(ar.cause());
        return;
      }
      quietPolls = 0;
      tick();
    });
  }

  // ---- calls -------------------------------------------------------------------------------------

  private boolean moreCallsToStart() {
    if (plan.calls() >= 0 || plan.arrival().isRate()) {
      return started < plan.plannedCalls();
    }
    return elapsedEmulatedMs() < plan.durationSeconds() * 1000;
  }

  private long elapsedEmulatedMs() {
    if (virtual) {
      return emulatedNow - emulatedStart;
    }
    return Math.round((System.currentTimeMillis() - realStart) / plan.clock().factor());
  }

  /** When call {@code k} arrives: emulated epoch ms on the virtual clock, real epoch ms otherwise. */
  private double arrivalAt(int k) {
    double emulatedOffset = k * 1000.0 / plan.arrival().ratePerSecond();
    return virtual ? emulatedStart + emulatedOffset : realStart + emulatedOffset * plan.clock().factor();
  }

  private void startDueCalls() {
    if (finishing || realStart == 0) {
      return;
    }
    if (plan.arrival().isRate()) {
      double now = virtual ? emulatedNow : System.currentTimeMillis();
      while (moreCallsToStart() && arrivalAt(started) <= now) {
        startCall();
      }
    } else {
      while (moreCallsToStart() && active().size() + inFlight < plan.arrival().concurrency()) {
        startCall();
      }
    }
  }

  private void startCall() {
    int profile = picker.next();
    CallRecord call = tracker.start(plan.profiles().get(profile).name(), System.currentTimeMillis());
    started++;
    inFlight++;
    long timeout = plan.limits().callTimeoutSeconds() * 1000;
    deadlines.put(call, virtual ? emulatedNow + timeout
        : System.currentTimeMillis() + Math.round(timeout * plan.clock().factor()));
    Future<Void> offered = plan.entry().kind() == EntryKind.INBOUND ? offer(call, profile) : trigger(call, profile);
    offered.onComplete(ar -> {
      inFlight--;
      if (ar.failed()) {
        done.tryFail(ar.cause());
      }
    });
  }

  private Future<Void> offer(CallRecord call, int profile) {
    JsonObject body = new JsonObject().put("from", CallerNumbers.number(profile)).put("to", plan.entry().to());
    return http.control(HttpMethod.POST, "/incoming-calls", body).transform(ar -> {
      if (ar.failed()) {
        tracker.notConnected(call, "offer failed: " + ar.cause().getMessage());
      } else if (ar.result().ok()) {
        tracker.offered(call, ar.result().body().getString("correlationId"));
      } else if (ar.result().status() == 409) {
        return Future.failedFuture(new SetupException("callemu cannot offer calls: " + ar.result().describe()));
      } else {
        tracker.notConnected(call, "offer: " + ar.result().describe());
      }
      return Future.succeededFuture();
    });
  }

  private Future<Void> trigger(CallRecord call, int profile) {
    unplaced.computeIfAbsent(profile, p -> new ArrayDeque<>()).add(call);
    JsonObject body = new JsonObject().put("target", CallerNumbers.number(profile))
        .put("profile", plan.profiles().get(profile).name()).put("call", call.index());
    return http.post(plan.entry().url(), body).transform(ar -> {
      if (ar.succeeded() && ar.result().ok()) {
        String id = ar.result().body().getString("callConnectionId");
        if (id != null && tracker.byConnection(id) == null) {
          unplaced.get(profile).remove(call);
          tracker.placed(call, id);
        }
      } else {
        unplaced.get(profile).remove(call);
        tracker.notConnected(call, "trigger " + (ar.failed() ? "failed: " + ar.cause().getMessage()
            : "answered " + ar.result().status()));
      }
      return Future.succeededFuture();
    });
  }

  /** Matches calls the app placed to the profile whose number it called. */
  private void resolveOutboundCalls() {
    for (String id : tracker.unknownConnections()) {
      if (lookups.size() >= MAX_LOOKUPS) {
        return;
      }
      if (foreign.contains(id) || !lookups.add(id)) {
        continue;
      }
      http.control(HttpMethod.GET, "/calls/" + id, null).onComplete(ar -> {
        lookups.remove(id);
        JsonArray targets = ar.succeeded() ? ar.result().body().getJsonArray("targets", new JsonArray()) : new JsonArray();
        String rawId = targets.isEmpty() ? null : targets.getJsonObject(0).getString("rawId");
        for (int p = 0; p < plan.profiles().size(); p++) {
          ArrayDeque<CallRecord> waiting = unplaced.get(p);
          if (CallerNumbers.rawId(p).equals(rawId) && waiting != null && !waiting.isEmpty()) {
            tracker.placed(waiting.poll(), id);
            return;
          }
        }
        foreign.add(id);
      });
    }
  }

  private List<CallRecord> active() {
    List<CallRecord> out = new ArrayList<>();
    for (CallRecord c : tracker.records()) {
      if (!c.ended()) {
        out.add(c);
      }
    }
    return out;
  }

  private List<CallRecord> overdue() {
    long now = virtual ? emulatedNow : System.currentTimeMillis();
    List<CallRecord> out = new ArrayList<>();
    for (CallRecord c : active()) {
      if (deadlines.getOrDefault(c, Long.MAX_VALUE) <= now) {
        out.add(c);
      }
    }
    return out;
  }

  /** Counts the calls as never ended and hangs them up (as their caller), so callemu lets go of them. */
  private void expire(List<CallRecord> calls) {
    for (CallRecord c : calls) {
      tracker.neverEnded(c);
      if (c.callConnectionId() != null) {
        http.control(HttpMethod.POST, "/calls/" + c.callConnectionId() + "/hangup", null);
      }
    }
  }

  // ---- the end -----------------------------------------------------------------------------------

  /** Reads the journal until no callback is left pending (a few seconds at most), then reports. */
  private void finish() {
    finishing = true;
    drain(0);
  }

  private void drain(int round) {
    feed.poll().onComplete(ar -> {
      if (ar.succeeded() && tracker.oldestPendingSeq() > 0 && round < 100) {
        vertx.setTimer(20, id -> drain(round + 1));
        return;
      }
      http.control(HttpMethod.GET, "/clock", null).onComplete(clock -> {
        JsonObject end = clock.succeeded() ? clock.result().body().getJsonObject("timerLateness") : null;
        long finishedAt = System.currentTimeMillis();
        progress.show(this);
        progress.end();
        done.tryComplete(RunResult.of(plan, target.describe(), clockDescription(), realStart, finishedAt,
            virtual ? emulatedNow - emulatedStart : elapsedEmulatedMs(), tracker.records(),
            lateness(latenessAtStart, end), tracker.lostEntries(), tracker.droppedEntries(),
            tracker.unattributedWrongRequests(), cpuMs() - cpuAtStart, Math.max(peakHeapMb, heapMb())));
      });
    });
  }

  private String clockDescription() {
    return switch (plan.clock().mode()) {
      case WALL -> "wall";
      case SCALED -> "scaled x" + plan.clock().factor();
      case VIRTUAL -> "virtual";
    };
  }

  /** The difference of two {@code timerLateness} snapshots. */
  static TimerLatenessReading lateness(JsonObject start, JsonObject end) {
    if (start == null || end == null) {
      return TimerLatenessReading.notMeasured();
    }
    long fired = end.getLong("fired") - start.getLong("fired");
    if (fired <= 0) {
      return new TimerLatenessReading(true, 0, 0, 0, end.getDouble("maxMs"));
    }
    double mean = (end.getDouble("totalMs") - start.getDouble("totalMs")) / fired;
    JsonArray a = start.getJsonArray("buckets");
    JsonArray b = end.getJsonArray("buckets");
    long cumulative = 0;
    double p99 = -1;
    for (int i = 0; i < b.size(); i++) {
      cumulative += b.getJsonObject(i).getLong("count") - a.getJsonObject(i).getLong("count");
      if (cumulative >= Math.ceil(fired * 0.99)) {
        Object le = b.getJsonObject(i).getValue("leMs");
        p99 = le == null ? Double.POSITIVE_INFINITY : ((Number) le).doubleValue();
        break;
      }
    }
    return new TimerLatenessReading(true, fired, mean, p99, end.getDouble("maxMs"));
  }

  private static long cpuMs() {
    return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
  }

  private static double heapMb() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
  }

  // ---- for the progress line ---------------------------------------------------------------------

  int started() { return started; }
  long planned() { return plan.plannedCalls(); }
  int activeCount() { return active().size(); }
  int endedCount() { return (int) tracker.records().stream().filter(CallRecord::ended).count(); }
  int failedCount() { return (int) tracker.records().stream().filter(CallRecord::failed).count(); }
  double elapsedSeconds() { return (System.currentTimeMillis() - realStart) / 1000.0; }
  double emulatedSeconds() { return elapsedEmulatedMs() / 1000.0; }
}
