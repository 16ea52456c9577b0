package io.callemu.emulator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.callemu.emulator.core.outcome.InvalidRequest;
import io.callemu.emulator.core.party.Parties;
import io.callemu.emulator.core.party.Party;
import io.callemu.emulator.platform.http.JsonReader;
import io.callemu.emulator.surface.acs.AcsIdentifiers;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The ACS request-body readers on their own: {@link JsonReader} (the parse and every typed read of
 * every field) and {@link AcsIdentifiers} (an identifier object, or a raw id). Any input yields
 * values or an {@link InvalidRequest} naming the problem (the surface's 400), never another
 * exception.
 */
class AcsRequestBodyFuzzTest {

  @FuzzTest
  void anyBodyReadsOrIsRefused(byte[] body) {
    try {
      readEverything(JsonReader.parse(Buffer.buffer(body), false), 0);
    } catch (InvalidRequest e) {
      assertRefusal(e);
    }
  }

  @FuzzTest
  void anyRawIdGivesAnIdentifier(byte[] raw) {
    String rawId = new String(raw, StandardCharsets.UTF_8);

    Party party = Parties.fromRawId(rawId);

    assertThat(party.rawId()).isEqualTo(rawId);
    JsonObject wire = AcsIdentifiers.render(party);
    assertThat(wire.getString("rawId")).isEqualTo(rawId);
    assertThat(wire.getString("kind")).isNotBlank();
  }

  /** Every typed read of every field, and every object as an identifier, down to a few levels. */
  private static void readEverything(JsonReader fields, int depth) {
    if (depth > 4) {
      return;
    }
    List<String> names = new ArrayList<>(fields.json().fieldNames());
    for (String name : names.subList(0, Math.min(names.size(), 16))) {
      attempt(() -> fields.optString(name));
      attempt(() -> fields.optBoolean(name));
      attempt(() -> fields.optLong(name, 0, 1_000, 0));
      attempt(() -> fields.optDouble(name, 0, 1, 0));
      attempt(() -> fields.optHttpUri(name));
      attempt(() -> fields.requireString(name));
      attempt(() -> fields.requireObjects(name, false, 16, name).forEach(o -> readEverything(o, depth + 1)));
      attempt(() -> {
        JsonReader nested = fields.optObject(name);
        if (nested != null) {
          Party party = AcsIdentifiers.read(nested);
          assertThat(party.rawId()).isNotEmpty();
          readEverything(nested, depth + 1);
        }
      });
    }
    attempt(() -> AcsIdentifiers.read(fields));
  }

  private static void attempt(Runnable read) {
    try {
      read.run();
    } catch (InvalidRequest e) {
      assertRefusal(e);
    }
  }

  private static void assertRefusal(InvalidRequest e) {
    assertThat(e.getMessage()).isNotBlank();
  }
}
