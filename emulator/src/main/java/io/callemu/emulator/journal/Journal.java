package io.callemu.emulator.journal;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * What happened, for verification (WireMock style): every API request, every callback with its
 * delivery attempts and outcome, every Event Grid post. In memory it is a bounded ring buffer; with
 * {@code --journal FILE} each record and each delivery attempt is also appended as one JSON line.
 * Used on the emulator's context only.
 */
public final class Journal {

  private final ArrayDeque<JsonObject> entries = new ArrayDeque<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private final LongSupplier capacity;
  private final LongSupplier now;
  private AsyncFile file;
  private long sequence;

  public Journal(LongSupplier capacity, LongSupplier now) {
    this.capacity = capacity;
    this.now = now;
  }

  /** Opens (appending) the {@code --journal} file. */
  public Future<Void> openFile(Vertx vertx, Path path) {
    Path parent = path.toAbsolutePath().getParent();
    Future<Void> dirs = parent == null ? Future.succeededFuture() : vertx.fileSystem().mkdirs(parent.toString());
    return dirs.compose(v -> vertx.fileSystem().open(path.toString(),
        new OpenOptions().setAppend(true).setCreate(true).setWrite(true)))
        .map(f -> {
          file = f;
          return null;
        });
  }

  public Future<Void> close() {
    AsyncFile f = file;
    file = null;
    return f == null ? Future.succeededFuture() : f.close();
  }

  /**
   * Records an entry; the journal adds {@code seq}, {@code time} (emulated) and the real time of
   * {@link #stampRealTime} and returns the stored object (which {@link #update} may change later).
   */
  public JsonObject record(JsonObject entry) {
    entry.put("seq", ++sequence).put("time", java.time.Instant.ofEpochMilli(now.getAsLong()).toString());
    stampRealTime(entry);
    entries.addLast(entry);
    while (entries.size() > capacity.getAsLong()) {
      entries.removeFirst();
    }
    writeLine(entry);
    notifyWaiters(entry);
    return entry;
  }

  /** Appends a line about an entry that changed (a delivery attempt) and wakes matching waiters. */
  public void update(JsonObject entry, JsonObject change) {
    writeLine(new JsonObject().put("seq", entry.getLong("seq")).put("update", change)
        .put("time", java.time.Instant.ofEpochMilli(now.getAsLong()).toString()));
    notifyWaiters(entry);
  }

  /**
   * Adds the real moment, whatever the clock: {@code wallTime} (epoch ms) and {@code wallNanos}
   * ({@link System#nanoTime()} of this JVM, monotonic, only for differences between stamps), so
   * that real durations such as an app's reaction time can be measured on the virtual clock too.
   */
  public static JsonObject stampRealTime(JsonObject o) {
    return o.put("wallTime", System.currentTimeMillis()).put("wallNanos", System.nanoTime());
  }

  private void writeLine(JsonObject line) {
    if (file != null) {
      file.write(Buffer.buffer(line.encode()).appendString("\n"));
    }
  }

  /** Entries matching {@code filter}, oldest first (copies). */
  public JsonArray find(Predicate<JsonObject> filter) {
    JsonArray out = new JsonArray();
    for (JsonObject e : entries) {
      if (filter.test(e)) {
        out.add(e.copy());
      }
    }
    return out;
  }

  /**
   * The first entry matching {@code condition}, now or as soon as one is recorded or updated;
   * the wait ends with {@code null} when {@code cancel} runs first (the caller's timeout).
   */
  public Future<JsonObject> await(Predicate<JsonObject> condition, Promise<JsonObject> promise) {
    for (JsonObject e : entries) {
      if (condition.test(e)) {
        promise.tryComplete(e.copy());
        return promise.future();
      }
    }
    Waiter w = new Waiter(condition, promise);
    waiters.add(w);
    promise.future().onComplete(ar -> waiters.remove(w));
    return promise.future();
  }

  private void notifyWaiters(JsonObject entry) {
    if (waiters.isEmpty()) {
      return;
    }
    for (Iterator<Waiter> it = new ArrayList<>(waiters).iterator(); it.hasNext();) {
      Waiter w = it.next();
      if (w.condition.test(entry)) {
        w.promise.tryComplete(entry.copy());
      }
    }
  }

  /** Drops every entry (control reset); the file keeps its history. */
  public void clear() {
    entries.clear();
  }

  public int size() {
    return entries.size();
  }

  private record Waiter(Predicate<JsonObject> condition, Promise<JsonObject> promise) {
  }
}
