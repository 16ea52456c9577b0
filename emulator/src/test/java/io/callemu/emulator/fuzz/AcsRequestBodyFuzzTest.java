package io.callemu.emulator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.callemu.emulator.acs.AcsError;
import io.callemu.emulator.acs.Identifiers;
import io.callemu.emulator.acs.JsonFields;
import io.callemu.emulator.call.Identifier;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The ACS request-body readers on their own: {@link JsonFields} (the parse and every typed read of
 * every field) and {@link Identifiers} (an identifier object, or a raw id). Any input yields values
 * or an {@link AcsError} with a 4xx status, never another exception.
 */
class AcsRequestBodyFuzzTest {

  @FuzzTest
  void anyBodyReadsOrIsRefusedWithA4xx(byte[] body) {
    try {
      JsonFields fields = JsonFields.parse(Buffer.buffer(body));
      readEverything(fields, 0);
    } catch (AcsError e) {
      assertRefusal(e);
    }
  }

  @FuzzTest
  void anyRawIdGivesAnIdentifier(byte[] raw) {
    String rawId = new String(raw, StandardCharsets.UTF_8);

    Identifier identifier = Identifiers.fromRawId(rawId);

    assertThat(identifier.rawId()).isEqualTo(rawId);
    assertThat(identifier.wire().getString("rawId")).isEqualTo(rawId);
    assertThat(identifier.wire().getString("kind")).isEqualTo(identifier.kind());
  }

  /** Every typed read of every field, and every object as an identifier, down to a few levels. */
  private static void readEverything(JsonFields fields, int depth) {
    if (depth > 4) {
      return;
    }
    List<String> names = new ArrayList<>(fields.json().fieldNames());
    for (String name : names.subList(0, Math.min(names.size(), 16))) {
      attempt(() -> fields.optString(name));
      attempt(() -> fields.optBoolean(name));
      attempt(() -> fields.optHttpUri(name));
      attempt(() -> fields.requireString(name));
      attempt(() -> fields.requireObjects(name, false).forEach(o -> readEverything(o, depth + 1)));
      attempt(() -> {
        JsonFields nested = fields.optObject(name);
        if (nested != null) {
          Identifier identifier = Identifiers.read(nested);
          assertThat(identifier.rawId()).isNotEmpty();
          assertThat(identifier.wire()).isInstanceOf(JsonObject.class);
          readEverything(nested, depth + 1);
        }
      });
    }
    attempt(() -> Identifiers.read(fields));
  }

  private static void attempt(Runnable read) {
    try {
      read.run();
    } catch (AcsError e) {
      assertRefusal(e);
    }
  }

  private static void assertRefusal(AcsError e) {
    assertThat(e.status()).as(e.getMessage()).isBetween(400, 499);
    assertThat(e.code()).isNotBlank();
    assertThat(e.getMessage()).isNotBlank();
  }
}
