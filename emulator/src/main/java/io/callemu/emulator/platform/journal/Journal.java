package io.callemu.emulator.platform.journal;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * What happened, for verification (WireMock style): every request, every callback with its
 * delivery attempts and outcome, WebSocket activity, notes, Event Grid posts. In memory it is a
 * bounded ring; with {@code --journal FILE} each entry and each change of one is also appended as
 * a JSON line. Used on the emulator's context only.
 */
public final class Journal {

  private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private final List<Consumer<JournalEntry>> watchers = new ArrayList<>();
  private final LongSupplier capacity;
  private final LongSupplier now;
  private AsyncFile file;
  private long sequence;

  /**
   * @param capacity entries kept in memory
   * @param now the emulated clock (epoch ms)
   */
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
   * Tells {@code watcher} of every entry recorded from now on and of every change of one (a
   * delivery attempt), synchronously, after the entry was stamped (the console's live feed).
   */
  public void watch(Consumer<JournalEntry> watcher) {
    watchers.add(watcher);
  }

  /** Records an entry (stamping it) and returns it, so its owner can report changes with {@link #changed}. */
  public <E extends JournalEntry> E record(E entry) {
    entry.stamp(++sequence, now.getAsLong(), System.currentTimeMillis(), System.nanoTime());
    entries.addLast(entry);
    while (entries.size() > capacity.getAsLong()) {
      entries.removeFirst();
    }
    if (file != null) {
      writeLine(entry.toJson());
    }
    notifyWaiters(entry);
    notifyWatchers(entry);
    return entry;
  }

  /** An entry changed (a delivery attempt): appends a line naming the change and wakes matching waiters. */
  public void changed(JournalEntry entry, JsonObject change) {
    if (file != null) {
      writeLine(new JsonObject().put("seq", entry.seq()).put("update", change)
          .put("time", Instant.ofEpochMilli(now.getAsLong()).toString()));
    }
    notifyWaiters(entry);
    notifyWatchers(entry);
  }

  private void notifyWatchers(JournalEntry entry) {
    for (Consumer<JournalEntry> w : watchers) {
      w.accept(entry);
    }
  }

  private void writeLine(JsonObject line) {
    file.write(Buffer.buffer(line.encode()).appendString("\n"));
  }

  /** Entries matching {@code filter}, oldest first. */
  public List<JournalEntry> find(Predicate<JournalEntry> filter) {
    List<JournalEntry> out = new ArrayList<>();
    for (JournalEntry e : entries) {
      if (filter.test(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * The first entry matching {@code condition}, now or as soon as one is recorded or changes; the
   * waiter goes when {@code promise} completes otherwise first (the caller's timeout).
   */
  public Future<JournalEntry> await(Predicate<JournalEntry> condition, Promise<JournalEntry> promise) {
    for (JournalEntry e : entries) {
      if (condition.test(e)) {
        promise.tryComplete(e);
        return promise.future();
      }
    }
    Waiter w = new Waiter(condition, promise);
    waiters.add(w);
    promise.future().onComplete(ar -> waiters.remove(w));
    return promise.future();
  }

  private void notifyWaiters(JournalEntry entry) {
    if (waiters.isEmpty()) {
      return;
    }
    for (Waiter w : new ArrayList<>(waiters)) {
      if (w.condition.test(entry)) {
        w.promise.tryComplete(entry);
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

  private record Waiter(Predicate<JournalEntry> condition, Promise<JournalEntry> promise) {
  }
}
