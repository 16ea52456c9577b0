package io.callemu.appbench.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.callemu.appbench.measure.CallRecord;
import io.callemu.appbench.measure.Reaction;
import io.callemu.appbench.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code calls.csv}: one row per call (RFC 4180, with a header). Emulated durations are in ms. */
public final class CallsCsv {

  static final List<String> COLUMNS = List.of("call", "profile", "callConnectionId", "correlationId", "startedAt",
      "outcome", "failure", "connectedAfterMs", "durationMs", "callbacks", "requests", "reactions",
      "meanReactionMs", "maxReactionMs", "slowestReactionTo", "wrongRequests", "callbackErrors", "lateCallbacks",
      "resultCodes");

  private CallsCsv() {
  }

  public static void write(RunResult run, Path file) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    COLUMNS.forEach(schema::addColumn);
    try (SequenceWriter w = new CsvMapper().writer(schema.build()).writeValues(file.toFile())) {
      for (CallRecord c : run.calls()) {
        w.write(row(c));
      }
    }
  }

  static List<Object> row(CallRecord c) {
    List<Reaction> reactions = c.reactions();
    Reaction slowest = reactions.stream().max(java.util.Comparator.comparingDouble(Reaction::ms)).orElse(null);
    List<Object> row = new ArrayList<>();
    row.add(c.index());
    row.add(c.profile());
    row.add(nullToEmpty(c.callConnectionId()));
    row.add(nullToEmpty(c.correlationId()));
    row.add(Instant.ofEpochMilli(c.startedAtMillis()).toString());
    row.add(c.outcome() == null ? "" : c.outcome().wire());
    row.add(nullToEmpty(c.failure()));
    row.add(c.connectedEmulatedMillis() >= 0 && c.startEmulatedMillis() >= 0
        ? String.valueOf(c.connectedEmulatedMillis() - c.startEmulatedMillis()) : "");
    row.add(c.endEmulatedMillis() >= 0 && c.startEmulatedMillis() >= 0
        ? String.valueOf(c.endEmulatedMillis() - c.startEmulatedMillis()) : "");
    row.add(c.callbacks());
    row.add(c.requests());
    row.add(reactions.size());
    row.add(reactions.isEmpty() ? "" : SummaryJson.round(reactions.stream().mapToDouble(Reaction::ms).average().orElse(0)));
    row.add(slowest == null ? "" : SummaryJson.round(slowest.ms()));
    row.add(slowest == null ? "" : slowest.event());
    row.add(c.wrongRequests());
    row.add(c.callbackErrors());
    row.add(c.lateCallbacks());
    row.add(c.resultCodes().entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
        .collect(Collectors.joining("; ")));
    return row;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
