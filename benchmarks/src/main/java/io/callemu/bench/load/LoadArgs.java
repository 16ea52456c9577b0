package io.callemu.bench.load;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} and {@code --flag} command-line arguments of a load harness, checked against
 * the names the harness knows. Every problem is an {@link IllegalArgumentException} whose message
 * the harness prints above its usage text.
 */
public final class LoadArgs {

  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flagsGiven = new HashSet<>();

  /**
   * @param valued names that take a value (without the leading {@code --})
   * @param flags names that take none
   */
  public LoadArgs(String[] args, Set<String> valued, Set<String> flags) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      String name = arg.substring(2);
      if (flags.contains(name)) {
        flagsGiven.add(name);
      } else if (valued.contains(name)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(arg + " needs a value");
        }
        values.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("unknown option " + arg);
      }
    }
  }

  public boolean flag(String name) {
    return flagsGiven.contains(name);
  }

  public String string(String name, String orElse) {
    return values.getOrDefault(name, orElse);
  }

  /** An integer option within {@code [min, max]}. */
  public int integer(String name, int orElse, int min, int max) {
    String raw = values.get(name);
    if (raw == null) {
      return orElse;
    }
    int value;
    try {
      value = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + raw + "'");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException("--" + name + " must lie in " + min + ".." + max + ", was " + value);
    }
    return value;
  }
}
