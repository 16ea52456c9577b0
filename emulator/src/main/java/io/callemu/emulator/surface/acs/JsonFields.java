package io.callemu.emulator.surface.acs;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Typed reads of a request body with the field path in every error, so each refusal names what
 * was wrong. Unknown fields are ignored, as the service does (reference section 13 item 14).
 */
public final class JsonFields {

  private final JsonObject json;
  private final String path;

  private JsonFields(JsonObject json, String path) {
    this.json = json;
    this.path = path;
  }

  /** Parses a request body that must be a JSON object. */
  public static JsonFields parse(Buffer body) {
    if (body == null || body.length() == 0) {
      throw AcsErrors.invalidArgument("a JSON body is required");
    }
    Object value;
    try {
      value = io.vertx.core.json.Json.decodeValue(body);
    } catch (DecodeException e) {
      throw AcsErrors.malformedJson(firstLine(e.getMessage()));
    }
    if (!(value instanceof JsonObject)) {
      throw AcsErrors.invalidArgument("the body must be a JSON object");
    }
    return new JsonFields((JsonObject) value, "");
  }

  public static JsonFields of(JsonObject json, String path) {
    return new JsonFields(json, path);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  public JsonObject json() {
    return json;
  }

  public String path(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  public boolean has(String field) {
    return json.getValue(field) != null;
  }

  public String requireString(String field) {
    String s = optString(field);
    if (s == null || s.isEmpty()) {
      throw AcsErrors.missingField(path(field));
    }
    return s;
  }

  public String optString(String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String)) {
      throw AcsErrors.wrongType(path(field), "a string");
    }
    return (String) v;
  }

  public Boolean optBoolean(String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Boolean)) {
      throw AcsErrors.wrongType(path(field), "true or false");
    }
    return (Boolean) v;
  }

  public JsonFields optObject(String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonObject)) {
      throw AcsErrors.wrongType(path(field), "an object");
    }
    return new JsonFields((JsonObject) v, path(field));
  }

  public JsonFields requireObject(String field) {
    JsonFields o = optObject(field);
    if (o == null) {
      throw AcsErrors.missingField(path(field));
    }
    return o;
  }

  /** A required array of objects; {@code allowEmpty} false refuses {@code []}. */
  public java.util.List<JsonFields> requireObjects(String field, boolean allowEmpty) {
    Object v = json.getValue(field);
    if (v == null) {
      throw AcsErrors.missingField(path(field));
    }
    if (!(v instanceof JsonArray)) {
      throw AcsErrors.wrongType(path(field), "an array");
    }
    JsonArray array = (JsonArray) v;
    if (array.isEmpty() && !allowEmpty) {
      throw AcsErrors.invalidArgument(path(field) + " must not be empty");
    }
    java.util.List<JsonFields> out = new java.util.ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Object item = array.getValue(i);
      String itemPath = path(field) + "[" + i + "]";
      if (!(item instanceof JsonObject)) {
        throw AcsErrors.wrongType(itemPath, "an object");
      }
      out.add(new JsonFields((JsonObject) item, itemPath));
    }
    return out;
  }

  /** An absolute http(s) URI; the service cannot call back anything else. */
  public String requireHttpUri(String field) {
    String s = requireString(field);
    return checkHttpUri(field, s);
  }

  public String optHttpUri(String field) {
    String s = optString(field);
    return s == null ? null : checkHttpUri(field, s);
  }

  private String checkHttpUri(String field, String s) {
    try {
      java.net.URI uri = new java.net.URI(s);
      String scheme = uri.getScheme();
      if (scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && uri.getHost() != null) {
        return s;
      }
    } catch (java.net.URISyntaxException e) {
      // falls through to the refusal below
    }
    throw AcsErrors.invalidArgument(path(field) + " must be an absolute http or https URI, got '" + s + "'");
  }
}
