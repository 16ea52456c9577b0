package io.callemu.appbench.run;

import io.callemu.appbench.plan.Plan;
import java.util.List;

/**
 * Gives each new call a profile in proportion to the weights, spread evenly (smooth weighted
 * round robin: weights 2 and 1 give A B A A B A …), so a short run already holds every profile.
 */
final class ProfilePicker {

  private final List<Plan.Profile> profiles;
  private final long[] current;
  private final long total;

  ProfilePicker(List<Plan.Profile> profiles) {
    this.profiles = profiles;
    this.current = new long[profiles.size()];
    this.total = profiles.stream().mapToLong(Plan.Profile::weight).sum();
  }

  int next() {
    int best = 0;
    for (int i = 0; i < current.length; i++) {
      current[i] += profiles.get(i).weight();
      if (current[i] > current[best]) {
        best = i;
      }
    }
    current[best] -= total;
    return best;
  }
}
