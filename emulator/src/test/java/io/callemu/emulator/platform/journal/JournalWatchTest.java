package io.callemu.emulator.platform.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalWatchTest {

  @Test
  void watchersHearEveryRecordedEntryStampedAndEveryChangeButNothingFromBefore() {
    long[] now = {5_000};
    Journal journal = new Journal(() -> 10, () -> now[0]);
    journal.record(new NoteEntry("c0", "before anyone watched"));
    List<String> heard = new ArrayList<>();
    journal.watch(e -> heard.add(e.seq() + "@" + e.time() + ":" + e.kind().wire()));
    now[0] = 6_000;
    CallbackEntry callback = journal.record(new CallbackEntry("c1", "CallConnected", "http://app/cb", new JsonObject()));
    callback.attempted(new CallbackEntry.Attempt(1, 6_000, 0, 0, 1.5, 200, null), CallbackEntry.State.DELIVERED);
    journal.changed(callback, new JsonObject().put("attempt", 1));
    assertThat(heard).containsExactly("2@6000:callback", "2@6000:callback");
  }
}
