package io.callemu.emulator.core.recording;

import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallLifecycle;
import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.event.Notice;
import io.callemu.emulator.core.settings.Settings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The recordings in the data dir ({@value #FOLDER}): each written off the event loop as it is kept,
 * found by id, deleted {@code graph.recordingRetentionMs} (emulated) after its call ended, when the
 * kept files would exceed {@code graph.recordingMaxTotalBytes} or {@value #MAX_RECORDINGS} recordings
 * (oldest first), and on a control reset. Every write and deletion is noted in the journal with the
 * count and bytes kept. Recordings do not outlive the process: the folder is emptied at start. Used
 * on the emulator's context only.
 */
public final class Recordings implements CallLifecycle {

  /** The folder under the data dir. */
  public static final String FOLDER = "recordings";
  /** Recordings kept at most, whatever their size (bounded memory for the index). */
  public static final int MAX_RECORDINGS = 10_000;
  /**
   * Recordings are written by one thread: a burst of them (a thousand calls hitting their max
   * duration together) then takes one core at most and leaves the event loop its own, so the
   * operations' notifications are not held up by disk writes; the files queue meanwhile.
   */
  private static final String WRITER = "callemu-recording-writer";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Vertx vertx;
  private final WorkerExecutor writer;
  /** The writer thread's renderer (its buffers are reused file after file). */
  private final RecordingWav wav = new RecordingWav();
  private final CallService calls;
  private final Settings settings;
  private final Path dir;
  /** Oldest first. */
  private final Map<String, Recording> kept = new LinkedHashMap<>();
  private final Map<String, List<Recording>> byCall = new HashMap<>();
  private final Map<String, Clock.Timer> retention = new HashMap<>();
  private long totalBytes;

  /** @param dataDir callemu's data dir; recordings go to its {@value #FOLDER} folder */
  public Recordings(Vertx vertx, CallService calls, Settings settings, Path dataDir) {
    this.vertx = vertx;
    this.writer = vertx.createSharedWorkerExecutor(WRITER, 1);
    this.calls = calls;
    this.settings = settings;
    this.dir = dataDir.resolve(FOLDER).toAbsolutePath().normalize();
    calls.follow(this);
  }

  /** Empties the folder left by an earlier run and creates it; call once before use. */
  public Future<Void> open() {
    return vertx.fileSystem().exists(dir.toString())
        .compose(exists -> exists ? vertx.fileSystem().deleteRecursive(dir.toString()) : Future.succeededFuture())
        .compose(v -> vertx.fileSystem().mkdirs(dir.toString()));
  }

  /**
   * Keeps what {@code call}'s caller sent as a recording: known (and counted) at once, written off
   * the event loop; older recordings go first when the caps are reached.
   */
  public Recording keep(Call call, CapturedAudio audio) {
    String id = UUID.randomUUID().toString();
    Path file = dir.resolve(id + ".wav");
    long bytes = RecordingWav.fileBytes(audio);
    makeRoom(bytes);
    Future<Path> written = writer.executeBlocking(() -> {
      wav.write(audio, file);
      return file;
    });
    Recording recording = new Recording(id, call.id(), token(), audio.durationMillis(), bytes, file, written);
    kept.put(id, recording);
    byCall.computeIfAbsent(call.id(), c -> new ArrayList<>()).add(recording);
    totalBytes += bytes;
    written.onComplete(ar -> {
      if (recording.deleted()) {
        return;
      }
      if (ar.succeeded()) {
        note(recording, "recording " + id + " written: " + audio.durationMillis() + " ms, " + bytes + " bytes; "
            + summary());
      } else {
        note(recording, "recording " + id + " could not be written: " + ar.cause().getMessage());
      }
    });
    return recording;
  }

  /** The recording with this id, or null when there is none (never was, or deleted). */
  public Recording find(String id) {
    return kept.get(id);
  }

  /** How many recordings are kept, and their bytes. */
  public String summary() {
    return kept.size() + " recordings, " + totalBytes + " bytes kept";
  }

  public long totalBytes() {
    return totalBytes;
  }

  @Override
  public void ending(Call call) {
    // The call's recordings stay downloadable for the retention time; its operations end
    // before this, so none is kept later.
    List<Recording> ofCall = byCall.remove(call.id());
    if (ofCall != null) {
      ofCall.forEach(this::scheduleDeletion);
    }
  }

  @Override
  public void dropped(Call call) {
    List<Recording> ofCall = byCall.remove(call.id());
    if (ofCall != null) {
      ofCall.forEach(r -> delete(r, "its call was dropped"));
    }
  }

  /**
   * Lets the recordings being written finish (for at most {@code maxMillis} of real time), then
   * stops the writer; for the emulator's stop.
   */
  public Future<Void> close(long maxMillis) {
    List<Future<Path>> writing = new ArrayList<>();
    kept.values().forEach(r -> writing.add(r.writing()));
    io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
    long timer = vertx.setTimer(Math.max(1, maxMillis), id -> done.tryComplete());
    Future.join(writing).onComplete(ar -> {
      vertx.cancelTimer(timer);
      done.tryComplete();
    });
    return done.future().compose(v -> writer.close());
  }

  /** Deletes every recording (control reset). */
  public void reset() {
    for (Recording r : List.copyOf(kept.values())) {
      delete(r, "reset");
    }
    byCall.clear();
  }

  private void scheduleDeletion(Recording recording) {
    long after = settings.get(RecordingSettings.RETENTION_MS);
    retention.put(recording.id(), calls.clock().schedule(after, () -> {
      retention.remove(recording.id());
      delete(recording, "retention of " + after + " ms after the call ended is over");
    }));
  }

  /** Deletes the oldest recordings until {@code bytes} more fit under both caps. */
  private void makeRoom(long bytes) {
    long cap = settings.get(RecordingSettings.MAX_TOTAL_BYTES);
    if (totalBytes + bytes <= cap && kept.size() < MAX_RECORDINGS) {
      return;
    }
    Iterator<Recording> oldest = List.copyOf(kept.values()).iterator();
    while (oldest.hasNext() && (totalBytes + bytes > cap || kept.size() >= MAX_RECORDINGS)) {
      delete(oldest.next(), "recordings would exceed " + cap + " bytes or " + MAX_RECORDINGS + " recordings");
    }
  }

  private void delete(Recording recording, String why) {
    if (kept.remove(recording.id()) == null) {
      return;
    }
    recording.markDeleted();
    totalBytes -= recording.bytes();
    Clock.Timer timer = retention.remove(recording.id());
    if (timer != null) {
      timer.cancel();
    }
    List<Recording> ofCall = byCall.get(recording.callId());
    if (ofCall != null) {
      ofCall.remove(recording);
    }
    // A file still being written goes once it is there.
    recording.writing().onComplete(ar -> vertx.fileSystem().delete(recording.file().toString()));
    note(recording, "recording " + recording.id() + " deleted (" + why + "); " + summary());
  }

  private void note(Recording recording, String message) {
    calls.publish(new Notice(recording.callId(), message));
  }

  private static String token() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }
}
