package io.callemu.emulator.surface.control;

import io.callemu.emulator.core.outcome.InvalidRequest;
import io.callemu.emulator.core.outcome.MalformedBody;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.core.outcome.Refusal;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.http.SurfaceErrors;
import io.vertx.core.json.JsonObject;

/**
 * Every error of the control API (CONTRACT section 3): {@code 4xx {"error":{"code","message"}}}
 * with a code word a test can match.
 */
final class ControlErrors implements SurfaceErrors {

  @Override
  public HttpReply render(Throwable failure) {
    ControlError e;
    if (failure instanceof ControlError c) {
      e = c;
    } else if (failure instanceof MalformedBody m && m.problem() == MalformedBody.Problem.NOT_JSON) {
      e = new ControlError(400, "InvalidJson", "the body is not valid JSON");
    } else if (failure instanceof InvalidRequest i) {
      e = invalid(i.getMessage());
    } else if (failure instanceof Refusal r) {
      e = refusal(r);
    } else {
      e = new ControlError(500, "InternalError", String.valueOf(failure));
    }
    return reply(e);
  }

  @Override
  public HttpReply bodyTooLarge(long limit) {
    return reply(new ControlError(413, "BodyTooLarge", "the body exceeds " + limit + " bytes"));
  }

  @Override
  public HttpReply notFound(String method, String path) {
    return reply(new ControlError(404, "NotFound", "no control operation " + method + " " + path));
  }

  static HttpReply reply(ControlError e) {
    return HttpReply.json(e.status(), new JsonObject().put("error",
        new JsonObject().put("code", e.code()).put("message", e.getMessage())));
  }

  static ControlError invalid(String message) {
    return new ControlError(400, "InvalidArgument", message);
  }

  static ControlError callNotFound(String id) {
    return new ControlError(404, "CallNotFound", "no call " + id);
  }

  /** A core refusal, named after its catalogue row. */
  private static ControlError refusal(Refusal r) {
    if (r.outcome() == Outcome.CALL_NOT_FOUND) {
      return new ControlError(404, "CallNotFound", "no such call");
    }
    if (r.outcome() == Outcome.TOO_MANY_CALLS) {
      return new ControlError(429, "TooManyCalls", "callemu keeps at most " + r.detail()
          + " calls; end some or POST /_emulator/reset");
    }
    String id = r.outcome().id();
    String word = id.substring(id.indexOf('.') + 1);
    return new ControlError(409, Character.toUpperCase(word.charAt(0)) + word.substring(1), r.getMessage());
  }
}
