package io.callemu.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callemu.emulator.client.ControlClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * callemu's result catalogue as its control API lists it ({@code GET /_emulator/catalogue}:
 * {@code {"rows":[{"id","event","code","subCode","message","action","reachedBy":"behaviour"|"fault",…}]}}).
 */
final class ResultCatalogue {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private ResultCatalogue() {}

  static List<JsonNode> rows(ControlClient control) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(control.baseUrl() + "/_emulator/catalogue"))
        .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("GET /_emulator/catalogue answered " + response.statusCode() + ": " + response.body());
      }
      List<JsonNode> rows = new ArrayList<>();
      JSON.readTree(response.body()).path("rows").forEach(rows::add);
      return rows;
    } catch (IOException e) {
      throw new AssertionError("GET /_emulator/catalogue failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  static boolean reachedByRealBehaviour(JsonNode row) {
    return "behaviour".equals(row.path("reachedBy").asText());
  }
}
