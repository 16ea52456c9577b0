package io.callemu.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadArgsTest {

  private static final Set<String> VALUED = Set.of("calls", "url");
  private static final Set<String> FLAGS = Set.of("start-callemu");

  @Test
  void readsValuesFlagsAndDefaults() {
    LoadArgs args = new LoadArgs(new String[] {"--calls", "2000", "--start-callemu"}, VALUED, FLAGS);

    assertThat(args.integer("calls", 1000, 1, 10_000)).isEqualTo(2000);
    assertThat(args.flag("start-callemu")).isTrue();
    assertThat(args.string("url", "none")).isEqualTo("none");
  }

  @Test
  void refusesUnknownOptionsStrayWordsAndMissingValues() {
    assertThatThrownBy(() -> new LoadArgs(new String[] {"--cals", "5"}, VALUED, FLAGS))
        .hasMessageContaining("unknown option --cals");
    assertThatThrownBy(() -> new LoadArgs(new String[] {"1000"}, VALUED, FLAGS))
        .hasMessageContaining("unexpected argument '1000'");
    assertThatThrownBy(() -> new LoadArgs(new String[] {"--calls"}, VALUED, FLAGS))
        .hasMessageContaining("--calls needs a value");
  }

  @Test
  void refusesNumbersThatAreNotWholeOrOutOfRange() {
    LoadArgs notANumber = new LoadArgs(new String[] {"--calls", "1k"}, VALUED, FLAGS);
    LoadArgs tooMany = new LoadArgs(new String[] {"--calls", "20000"}, VALUED, FLAGS);

    assertThatThrownBy(() -> notANumber.integer("calls", 1000, 1, 10_000))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> tooMany.integer("calls", 1000, 1, 10_000))
        .hasMessageContaining("1..10000, was 20000");
  }
}
