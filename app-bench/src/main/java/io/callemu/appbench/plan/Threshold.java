package io.callemu.appbench.plan;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pass/fail check of a plan, written {@code [profile.]metric[argument] op number}, e.g.
 * {@code p99ReactionMs < 200}, {@code failedCalls == 0}, {@code resultCode[8510] > 0},
 * {@code silent.p99ReactionMs[RecognizeFailed] <= 500}.
 *
 * @param profile the profile it looks at, or null for the whole run
 * @param argument the event type or sub code in brackets, or null
 */
public record Threshold(String text, String profile, Metric metric, String argument, Comparison comparison,
    double value) {

  private static final Pattern FORM = Pattern.compile(
      "\\s*(?:([A-Za-z0-9_-]+)\\.)?([A-Za-z][A-Za-z0-9]*)(?:\\[([^\\]]+)\\])?\\s*(<=|>=|==|!=|<|>)\\s*(-?\\d+(?:\\.\\d+)?)\\s*");

  /** The comparison operators. */
  public enum Comparison {
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    static Comparison of(String symbol) {
      for (Comparison c : values()) {
        if (c.symbol.equals(symbol)) {
          return c;
        }
      }
      throw new IllegalArgumentException(symbol);
    }

    public boolean holds(double actual, double limit) {
      return switch (this) {
        case LT -> actual < limit;
        case LE -> actual <= limit;
        case GT -> actual > limit;
        case GE -> actual >= limit;
        case EQ -> actual == limit;
        case NE -> actual != limit;
      };
    }
  }

  /**
   * Reads one threshold.
   *
   * @param field where it stands in the plan, for messages ({@code thresholds[2]})
   * @param profiles the plan's profile names
   */
  public static Threshold parse(String text, String field, Set<String> profiles) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new PlanException(field + ": '" + text + "' is not [profile.]metric[argument] <op> number "
          + "(op one of <, <=, >, >=, ==, !=), e.g. 'p99ReactionMs < 200'");
    }
    String profile = m.group(1);
    Metric metric = Metric.of(m.group(2)).orElseThrow(() -> new PlanException(field + ": unknown metric '"
        + m.group(2) + "' (metrics: " + Metric.names() + ")"));
    String argument = m.group(3) == null ? null : m.group(3).trim();
    if (profile != null && !profiles.contains(profile)) {
      throw new PlanException(field + ": no profile named '" + profile + "' (profiles: " + profiles + ")");
    }
    if (profile != null && !metric.perProfile()) {
      throw new PlanException(field + ": " + metric.wire() + " belongs to the whole run, not to a profile");
    }
    switch (metric.argument()) {
      case NONE -> {
        if (argument != null) {
          throw new PlanException(field + ": " + metric.wire() + " takes no [argument]");
        }
      }
      case EVENT_REQUIRED -> {
        if (argument == null || !argument.matches("[A-Za-z]+")) {
          throw new PlanException(field + ": " + metric.wire() + " needs an event type, e.g. "
              + metric.wire() + "[RecognizeFailed]");
        }
      }
      case EVENT_OPTIONAL -> {
        if (argument != null && !argument.matches("[A-Za-z]+")) {
          throw new PlanException(field + ": the argument of " + metric.wire() + " is an event type, e.g. "
              + metric.wire() + "[RecognizeFailed]");
        }
      }
      case SUB_CODE -> {
        if (argument == null || !argument.matches("\\d{1,6}")) {
          throw new PlanException(field + ": " + metric.wire() + " needs a result sub code, e.g. resultCode[8510]");
        }
      }
    }
    return new Threshold(text.trim(), profile, metric, argument, Comparison.of(m.group(4)),
        Double.parseDouble(m.group(5)));
  }
}
