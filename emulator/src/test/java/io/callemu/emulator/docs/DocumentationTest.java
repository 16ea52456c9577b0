package io.callemu.emulator.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.CallemuConfig;
import io.callemu.emulator.platform.server.EmulatorServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user documentation and the code say the same: every control operation callemu mounts is in
 * {@code docs/control-api.md} and every operation documented there is mounted; every setting is in
 * the README's settings table.
 */
class DocumentationTest {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  /** {@code `GET /_emulator/calls/{id}`} at the start of a table row, the query left out. */
  private static final Pattern DOCUMENTED = Pattern.compile("^\\| `(GET|POST|DELETE|PUT|PATCH) (/_emulator[^`?\\s]*)",
      Pattern.MULTILINE);
  /** A setting key in the first column of a README table row: {@code | `call.ringMs` |}. */
  private static final Pattern SETTING_ROW = Pattern.compile("^\\| (`[a-zA-Z]+\\.[a-zA-Z.]+`(?:, )?)+ \\|",
      Pattern.MULTILINE);

  @TempDir
  static Path dataDir;
  private static Vertx vertx;
  private static EmulatorServer server;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    server = new EmulatorServer(CallemuConfig.defaults().withPort(0).withHttpsPort(-1).withDataDir(dataDir), null,
        null);
    vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void everyControlOperationIsDocumentedAndEveryDocumentedOneExists() throws IOException {
    Set<String> mounted = new LinkedHashSet<>();
    server.controlOperations().forEach(op -> mounted.add(op.replaceAll(":(\\w+)", "{$1}")));
    Set<String> documented = new LinkedHashSet<>();
    Matcher m = DOCUMENTED.matcher(Files.readString(REPOSITORY.resolve("docs/control-api.md")));
    while (m.find()) {
      documented.add(m.group(1) + " " + m.group(2));
    }

    assertThat(mounted).as("mounted control operations").isNotEmpty();
    assertThat(documented.stream().map(DocumentationTest::anyId).toList())
        .as("docs/control-api.md documents what callemu mounts")
        .containsExactlyInAnyOrderElementsOf(mounted.stream().map(DocumentationTest::anyId).toList());
  }

  @Test
  void everySettingIsInTheReadme() throws Exception {
    String readme = Files.readString(REPOSITORY.resolve("README.md"));
    Set<String> inTables = new LinkedHashSet<>();
    Matcher rows = SETTING_ROW.matcher(readme);
    while (rows.find()) {
      Matcher key = Pattern.compile("`([^`]+)`").matcher(rows.group());
      while (key.find()) {
        inTables.add(key.group(1));
      }
    }
    List<String> keys = settingKeys();

    assertThat(keys).isNotEmpty();
    assertThat(inTables).as("the README's settings tables").containsAll(keys);
  }

  /** {@code /calls/{callConnectionId}} and {@code /calls/{id}} are the same route. */
  private static String anyId(String operation) {
    return operation.replaceAll("\\{[^}]+}", "{}");
  }

  private static List<String> settingKeys() throws Exception {
    int port = server.ports().http();
    HttpClient client = vertx.createHttpClient();
    JsonObject settings = client.request(HttpMethod.GET, port, "127.0.0.1", "/_emulator/settings")
        .compose(r -> r.send().compose(HttpClientResponse::body))
        .map(Buffer::toJsonObject)
        .eventually(client::close)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return settings.getJsonArray("settings").stream().map(o -> ((JsonObject) o).getString("key")).toList();
  }
}
