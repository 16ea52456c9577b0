package io.callemu.emulator.platform.http;

/**
 * How one surface renders failures in its own envelope: the core's refusals and invalid requests,
 * a body over the limit, and anything unexpected. Each surface has one implementation (its error
 * factory), so every error of a surface looks alike.
 */
public interface SurfaceErrors {

  /** The answer for {@code failure} (a refusal, an invalid request, or an unexpected exception). */
  HttpReply render(Throwable failure);

  /** The answer for a body over {@code limit} bytes. */
  HttpReply bodyTooLarge(long limit);

  /** The answer for a path and method the surface does not serve. */
  HttpReply notFound(String method, String path);
}
