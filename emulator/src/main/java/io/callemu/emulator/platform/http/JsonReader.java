package io.callemu.emulator.platform.http;

import io.callemu.emulator.core.outcome.InvalidRequest;
import io.callemu.emulator.core.outcome.MalformedBody;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of a JSON request object that name the field's path in every refusal ({@link
 * InvalidRequest}), so each surface renders one clear 400 without writing the checks again.
 * Unknown fields are ignored, as the emulated services do.
 */
public final class JsonReader {

  private final JsonObject json;
  private final String path;

  private JsonReader(JsonObject json, String path) {
    this.json = json;
    this.path = path;
  }

  /**
   * Reads a request body that must be a JSON object.
   *
   * @param emptyAllowed whether an empty body reads as {@code {}}
   * @throws MalformedBody when it is empty (unless allowed), not JSON, or not an object
   */
  public static JsonReader parse(Buffer body, boolean emptyAllowed) {
    if (body == null || body.length() == 0) {
      if (emptyAllowed) {
        return new JsonReader(new JsonObject(), "");
      }
      throw new MalformedBody(MalformedBody.Problem.MISSING, "a JSON body is required");
    }
    Object value;
    try {
      value = io.vertx.core.json.Json.decodeValue(body);
    } catch (DecodeException | IllegalArgumentException e) {
      throw new MalformedBody(MalformedBody.Problem.NOT_JSON, "the body is not valid JSON (" + firstLine(e.getMessage()) + ")");
    }
    if (!(value instanceof JsonObject o)) {
      throw new MalformedBody(MalformedBody.Problem.NOT_AN_OBJECT, "the body must be a JSON object");
    }
    return new JsonReader(o, "");
  }

  /** Reads an object already parsed (a value nested elsewhere) as if it were at {@code path}. */
  public static JsonReader of(JsonObject json, String path) {
    return new JsonReader(json, path);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** The object read (for fields this reader has no typed read for). */
  public JsonObject json() {
    return json;
  }

  /** The path of {@code field} in the request, for messages ({@code recognizeOptions.dtmfOptions.stopTones}). */
  public String path(String field) {
    return path.isEmpty() ? field : field.isEmpty() ? path : path + "." + field;
  }

  /** The object's plain fields (strings, numbers, booleans; no objects, arrays or nulls), e.g. for scenario {@code match}. */
  public java.util.Map<String, Object> plainFields() {
    java.util.Map<String, Object> plain = new java.util.LinkedHashMap<>();
    json.forEach(e -> {
      if (e.getValue() != null && !(e.getValue() instanceof JsonObject) && !(e.getValue() instanceof JsonArray)) {
        plain.put(e.getKey(), e.getValue());
      }
    });
    return plain;
  }

  public boolean has(String field) {
    return json.getValue(field) != null;
  }

  /** A refusal naming {@code field}: "{path} {what}". */
  public InvalidRequest invalid(String field, String what) {
    return new InvalidRequest(path(field) + " " + what);
  }

  public String requireString(String field) {
    String s = optString(field);
    if (s == null || s.isEmpty()) {
      throw invalid(field, "is required");
    }
    return s;
  }

  public String optString(String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw invalid(field, "must be a string");
    }
    return s;
  }

  /** An optional string of at most {@code maxChars} characters. */
  public String optString(String field, int maxChars) {
    String s = optString(field);
    if (s != null && s.length() > maxChars) {
      throw invalid(field, "may hold at most " + maxChars + " characters");
    }
    return s;
  }

  public Boolean optBoolean(String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Boolean b)) {
      throw invalid(field, "must be true or false");
    }
    return b;
  }

  public boolean optBoolean(String field, boolean fallback) {
    Boolean b = optBoolean(field);
    return b == null ? fallback : b;
  }

  /** An optional whole number within {@code [min, max]}; the refusal names the field and the range. */
  public long optLong(String field, long min, long max, long fallback) {
    Object v = json.getValue(field);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < min
        || ((Number) v).longValue() > max) {
      throw invalid(field, "must be a whole number from " + min
          + (max == Integer.MAX_VALUE || max == Long.MAX_VALUE ? " up" : " to " + max) + ", got " + v);
    }
    return ((Number) v).longValue();
  }

  /** {@link #optLong} for values that fit an int. */
  public int optInt(String field, int min, int max, int fallback) {
    return (int) optLong(field, min, max, fallback);
  }

  /** An optional number (whole or not) within {@code [min, max]}. */
  public double optDouble(String field, double min, double max, double fallback) {
    Object v = json.getValue(field);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Number n) || n.doubleValue() < min || n.doubleValue() > max) {
      throw invalid(field, "must be a number from " + trim(min) + " to " + trim(max) + ", got " + v);
    }
    return n.doubleValue();
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  public JsonReader optObject(String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonObject o)) {
      throw invalid(field, "must be an object");
    }
    return new JsonReader(o, path(field));
  }

  public JsonReader requireObject(String field) {
    JsonReader o = optObject(field);
    if (o == null) {
      throw invalid(field, "is required");
    }
    return o;
  }

  /** An optional array, or null. */
  public JsonArray optArray(String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonArray a)) {
      throw invalid(field, "must be an array");
    }
    return a;
  }

  /**
   * A required array of at most {@code max} objects ({@code noun} names them in the refusal);
   * {@code allowEmpty} false refuses {@code []}.
   */
  public List<JsonReader> requireObjects(String field, boolean allowEmpty, int max, String noun) {
    Object v = json.getValue(field);
    if (v == null) {
      throw invalid(field, "is required");
    }
    if (!(v instanceof JsonArray array)) {
      throw invalid(field, "must be an array");
    }
    if (array.isEmpty() && !allowEmpty) {
      throw invalid(field, "must not be empty");
    }
    if (array.size() > max) {
      throw invalid(field, "may hold at most " + max + " " + noun);
    }
    List<JsonReader> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String itemPath = path(field) + "[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject item)) {
        throw new InvalidRequest(itemPath + " must be an object");
      }
      out.add(new JsonReader(item, itemPath));
    }
    return out;
  }

  /** A required non-empty array of at most {@code max} non-blank strings ({@code noun} names them). */
  public List<String> requireStrings(String field, int max, String noun) {
    Object v = json.getValue(field);
    if (!(v instanceof JsonArray array) || array.isEmpty()) {
      throw invalid(field, "is required: a non-empty array of strings");
    }
    if (array.size() > max) {
      throw invalid(field, "may hold at most " + max + " " + noun);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof String s) || s.isBlank()) {
        throw new InvalidRequest(path(field) + "[" + i + "] must be a non-empty string");
      }
      out.add(s);
    }
    return out;
  }

  /** A required absolute http or https URI (where a service can call back). */
  public String requireHttpUri(String field) {
    return checkHttpUri(field, requireString(field));
  }

  public String optHttpUri(String field) {
    String s = optString(field);
    return s == null ? null : checkHttpUri(field, s);
  }

  private String checkHttpUri(String field, String s) {
    try {
      URI uri = new URI(s);
      String scheme = uri.getScheme();
      if (scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && uri.getHost() != null) {
        return s;
      }
    } catch (URISyntaxException e) {
      // falls through to the refusal below
    }
    throw invalid(field, "must be an absolute http or https URI, got '" + s + "'");
  }
}
