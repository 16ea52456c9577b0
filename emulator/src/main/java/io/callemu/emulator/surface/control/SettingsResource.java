package io.callemu.emulator.surface.control;

import io.callemu.emulator.core.outcome.InvalidRequest;
import io.callemu.emulator.core.settings.Setting;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.http.JsonReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /_emulator/settings}: every setting with its default and sources, and changing them. */
final class SettingsResource {

  private final Settings settings;

  SettingsResource(Settings settings) {
    this.settings = settings;
  }

  HttpReply list(RoutingContext ctx) {
    return HttpReply.json(200, json());
  }

  /** Changes settings, all or nothing. */
  HttpReply change(RoutingContext ctx) {
    JsonReader body = ControlReplies.body(ctx);
    Map<String, String> checked = new LinkedHashMap<>();
    try {
      for (String key : body.json().fieldNames()) {
        Object v = body.json().getValue(key);
        if (v instanceof JsonObject || v instanceof JsonArray || v == null) {
          throw new IllegalArgumentException("setting " + key + " takes a plain value");
        }
        settings.check(key, String.valueOf(v));
        checked.put(key, String.valueOf(v));
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(e.getMessage());
    }
    checked.forEach((k, v) -> settings.set(k, v, "api"));
    return HttpReply.json(200, json());
  }

  private JsonObject json() {
    JsonArray list = new JsonArray();
    for (Settings.Entry e : settings.entries()) {
      Setting<?> s = e.setting();
      JsonObject o = new JsonObject().put("key", s.key()).put("value", e.value())
          .put("default", defaultText(s)).put("setBy", e.setBy())
          .put("description", s.description()).put("source", s.source());
      if (s.isNumber()) {
        o.put("min", s.min()).put("max", s.max());
      } else {
        o.put("choices", new JsonArray(s.choiceWords()));
      }
      list.add(o);
    }
    return new JsonObject().put("settings", list);
  }

  private static <T> String defaultText(Setting<T> s) {
    return s.format(s.defaultValue());
  }
}
