package io.callemu.emulator.core.call;

/**
 * The application a call belongs to, as an identity platform knows it: the app made or answered
 * the call and is the audience of its events.
 *
 * @param appId the application's client id
 * @param tenantId the directory (tenant) it acts in
 */
public record AppIdentity(String appId, String tenantId) {
}
