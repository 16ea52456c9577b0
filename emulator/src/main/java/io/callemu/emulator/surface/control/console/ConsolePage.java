package io.callemu.emulator.surface.control.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console page, {@code GET /_emulator/ui}, and its scripts and styles, served from the jar (read
 * once at start; no network, no CDN). They carry no data and need no control token: the page asks
 * for the token when the control API wants one. A strict Content-Security-Policy keeps the page to
 * its own origin.
 */
public final class ConsolePage {

  /** Where the page is. */
  public static final String PATH = "/_emulator/ui";
  private static final String FOLDER = "/io/callemu/emulator/surface/control/console/ui/";
  private static final List<String> FILES = List.of("index.html", "console.css", "console.js", "api.js", "feed.js",
      "calls.js", "call.js", "views.js", "format.js");
  private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
      "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8");
  private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

  private record Asset(String type, Buffer body, String etag) {
  }

  private final Map<String, Asset> assets = new LinkedHashMap<>();

  /** Reads the assets from the class path. */
  public ConsolePage() {
    for (String name : FILES) {
      byte[] bytes = read(name);
      assets.put(name, new Asset(TYPES.get(name.substring(name.lastIndexOf('.') + 1)), Buffer.buffer(bytes),
          "\"" + sha256(bytes).substring(0, 16) + "\""));
    }
  }

  /** Mounts the page on {@code root}, ahead of the control API (which would ask for the token). */
  public void mount(Router root) {
    root.get(PATH).handler(ctx -> send(ctx, "index.html"));
    root.get(PATH + "/").handler(ctx -> send(ctx, "index.html"));
    root.get(PATH + "/:file").handler(ctx -> {
      String file = ctx.pathParam("file");
      if (assets.containsKey(file)) {
        send(ctx, file);
      } else {
        ctx.next();
      }
    });
  }

  private void send(RoutingContext ctx, String name) {
    Asset a = assets.get(name);
    var response = ctx.response().putHeader("Content-Type", a.type()).putHeader("Cache-Control", "no-cache")
        .putHeader("ETag", a.etag()).putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer").putHeader("Content-Security-Policy", POLICY);
    if (a.etag().equals(ctx.request().getHeader("If-None-Match"))) {
      response.setStatusCode(304).end();
    } else {
      response.end(a.body());
    }
  }

  private static byte[] read(String name) {
    try (InputStream in = ConsolePage.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("the console asset " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
