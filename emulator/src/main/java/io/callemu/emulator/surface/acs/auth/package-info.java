/**
 * HMAC-SHA256 request authentication as the ACS SDKs perform it with a connection string's
 * access key, so apps keep their real credentials code and still get told when a request would
 * not pass the cloud service.
 */
package io.callemu.emulator.surface.acs.auth;
