package io.callemu.emulator.surface.acs.auth;

/**
 * The parts of an HTTP request that an ACS HMAC signature covers, exactly as they arrived.
 *
 * <p>Values must be the raw received ones (no URL decoding, no Host normalisation): the SDKs sign
 * what they send, and any rewriting on the way would make a correctly signed request fail.
 *
 * @param method the request method, e.g. {@code POST}
 * @param rawPathAndQuery the request target as received, e.g. {@code /calling/x%2Fy?api-version=…}
 * @param host the {@code Host} header (JS sends {@code host:port}, Java only {@code host})
 * @param xMsDate the {@code x-ms-date} header
 * @param xMsContentSha256 the {@code x-ms-content-sha256} header
 * @param authorization the {@code Authorization} header
 * @param body the request body; {@code null} is treated as empty
 */
public record SignedRequest(
    String method,
    String rawPathAndQuery,
    String host,
    String xMsDate,
    String xMsContentSha256,
    String authorization,
    byte[] body) {}
