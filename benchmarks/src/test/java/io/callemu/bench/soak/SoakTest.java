package io.callemu.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoakTest {

  @Test
  void selectsScenariosByNameInTheOrderGivenAndAllByDefault() {
    assertThat(Soak.select("")).isEqualTo(Soak.ALL);
    assertThat(Soak.select("cross-origin, trickle-reply")).extracting(Scenario::name)
        .containsExactly("cross-origin", "trickle-reply");
  }

  @Test
  void refusesAnUnknownScenarioNamingTheKnownOnes() {
    assertThatThrownBy(() -> Soak.select("trickle"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no scenario 'trickle'")
        .hasMessageContaining("trickle-reply");
  }

  @Test
  void everyScenarioHasADistinctNameAndAFinding() {
    List<String> names = Soak.ALL.stream().map(Scenario::name).toList();
    assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z0-9-]+"));
    assertThat(Soak.ALL).allMatch(s -> !s.finding().isBlank());
  }

  @Test
  void aLaunchWithOnlySettingsCanUseARunningCallemuAnyOtherNeedsItsOwnChild() {
    ChildLaunch settingsOnly = ChildLaunch.defaults().set("call.ringMs", 0);
    assertThat(settingsOnly.needsOwnChild()).isFalse();
    assertThat(settingsOnly.arguments()).containsSequence("--set", "call.ringMs=0")
        .containsSequence("--https-port", "-1").doesNotContain("--data-dir");

    assertThat(ChildLaunch.defaults().virtualClock().needsOwnChild()).isTrue();
    assertThat(ChildLaunch.defaults().virtualClock().arguments()).containsSequence("--clock", "virtual")
        .doesNotContain("--time-scale");
    assertThat(ChildLaunch.defaults().host("::1").needsOwnChild()).isTrue();
    assertThat(ChildLaunch.defaults().openFiles(256).needsOwnChild()).isTrue();
    assertThat(ChildLaunch.defaults().https().arguments()).containsSequence("--https-port", "0");
  }

  @Test
  void aScenarioWithoutChecksOrWithAFailedOneDoesNotPass() {
    Outcome none = new Outcome("x", "finding");
    assertThat(none.passed()).isFalse();

    Outcome delivered = new Outcome("x", "finding");
    delivered.lost(0);
    delivered.duplicated(0);
    delivered.checkDelivery();
    assertThat(delivered.passed()).isTrue();
    assertThat(delivered.toJson().getString("verdict")).isEqualTo("pass");

    delivered.serverErrors(2);
    delivered.checkNoServerErrors();
    assertThat(delivered.passed()).isFalse();
    assertThat(delivered.toText()).contains("[!!] 5xx answers: 2 (target 0)");
  }

  @Test
  void unmeasuredFiguresStayAbsentNeverZero() {
    Outcome outcome = new Outcome("x", "finding");
    outcome.checkDelivery();

    assertThat(outcome.passed()).isFalse();
    assertThat(outcome.toJson().getValue("eventsLost")).isNull();
    assertThat(outcome.toText()).contains("events lost n/a");
  }
}
