/** The emulated ACS Call Automation REST surface under /calling: request pipeline (body limit, HMAC, api-version, repeatability), validation, the error factory and the wire models. */
package io.callemu.emulator.surface.acs;
