package io.callemu.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void percentilesAreNearestRankOverTheSortedValues() {
    // 1..100 in reverse: the p-th percentile of 100 values is the value p itself.
    Latencies l = new Latencies(LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray());

    assertThat(l.percentile(50)).isEqualTo(50);
    assertThat(l.percentile(99)).isEqualTo(99);
    assertThat(l.percentile(100)).isEqualTo(100);
    assertThat(l.min()).isEqualTo(1);
    assertThat(l.max()).isEqualTo(100);
    assertThat(l.count()).isEqualTo(100);
  }

  @Test
  void aSingleValueIsEveryPercentileAndNegativeLatenessIsKept() {
    Latencies l = new Latencies(new long[] {-2_500_000});

    assertThat(l.percentile(50)).isEqualTo(-2_500_000);
    assertThat(l.percentile(99)).isEqualTo(-2_500_000);
    assertThat(l.summary()).isEqualTo("p50 -2.50 ms, p99 -2.50 ms, max -2.50 ms (min -2.50 ms)");
  }

  @Test
  void anEmptySetSaysSoInsteadOfInventingFigures() {
    Latencies l = new Latencies(new long[0]);

    assertThat(l.summary()).isEqualTo("none");
    assertThatThrownBy(() -> l.percentile(50)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void doesNotReorderTheCallersArray() {
    long[] values = {3, 1, 2};
    new Latencies(values);

    assertThat(values).containsExactly(3, 1, 2);
  }
}
