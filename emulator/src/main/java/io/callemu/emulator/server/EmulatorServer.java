package io.callemu.emulator.server;

import io.callemu.emulator.CallemuConfig;
import io.callemu.emulator.Version;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;

/**
 * The emulator as one verticle: every surface and all call state live on its single event-loop
 * context, so a call is a single-threaded state machine without locks. HTTP and HTTPS serve the
 * same router.
 */
public final class EmulatorServer extends VerticleBase {

  private final CallemuConfig config;
  private volatile ListeningPorts ports;

  public EmulatorServer(CallemuConfig config) {
    this.config = config;
  }

  public ListeningPorts ports() {
    return ports;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/_emulator/health").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(new JsonObject().put("status", "ready").put("version", Version.get()).encode()));

    HttpServer http = vertx.createHttpServer(new HttpServerOptions().setHost(config.host())
        .setPort(config.port()));
    Future<HttpServer> httpUp = http.requestHandler(router).listen();
    Future<HttpServer> httpsUp;
    if (config.httpsPort() < 0 || config.certPem() == null) {
      // INTEGRATION(emub): without --cert/--key the certificate comes from DevCertificates.
      httpsUp = Future.succeededFuture(null);
    } else {
      HttpServerOptions tls = new HttpServerOptions().setHost(config.host())
          .setPort(config.httpsPort()).setSsl(true)
          .setKeyCertOptions(new PemKeyCertOptions().setCertPath(config.certPem().toString())
              .setKeyPath(config.keyPem().toString()));
      httpsUp = vertx.createHttpServer(tls).requestHandler(router).listen();
    }
    return Future.all(httpUp, httpsUp).map(all -> {
      HttpServer https = httpsUp.result();
      ports = new ListeningPorts(http.actualPort(), https == null ? -1 : https.actualPort());
      return null;
    });
  }
}
