package io.callemu.emulator.core.media;

import java.util.List;

/** Picks the choice a recognised phrase selects (choices recognize, reference 6.4). */
@FunctionalInterface
public interface ChoiceMatching {

  /** The matching choice, or null when the phrase matches none. */
  RecognizeSpec.Choice match(List<RecognizeSpec.Choice> choices, String phrase, String locale);
}
