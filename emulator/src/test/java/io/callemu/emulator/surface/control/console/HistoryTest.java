package io.callemu.emulator.surface.control.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.platform.journal.Journal;
import io.callemu.emulator.platform.journal.NoteEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {

  @Test
  void theOldestGoFirstPastTheCapacityReadAtEachAdditionAndTheirJournalEntriesAreForgottenWithThem() {
    long[] capacity = {3};
    History history = new History(() -> capacity[0]);
    Journal journal = new Journal(() -> 100, () -> 0);
    NoteEntry first = journal.record(new NoteEntry("a", "first"));
    history.add(new Happening(1, "a", 0, first));
    history.add(new Happening(2, "b", 0, "b's"));
    history.add(new Happening(3, "a", 0, "a's"));
    assertThat(history.journalled(first.seq())).isNotNull();
    history.add(new Happening(4, "a", 0, "a's last"));
    assertThat(history.of("a")).extracting(Happening::seq).containsExactly(3L, 4L);
    assertThat(history.journalled(first.seq())).isNull();
    capacity[0] = 1;
    history.add(new Happening(5, "b", 0, "b's last"));
    assertThat(history.of("a")).isEmpty();
    assertThat(history.of("b")).extracting(Happening::seq).containsExactly(5L);
    history.clear();
    assertThat(history.of("b")).isEqualTo(List.of());
  }
}
