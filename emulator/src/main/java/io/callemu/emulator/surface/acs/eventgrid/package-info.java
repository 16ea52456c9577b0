/** Event Grid webhook delivery of IncomingCall, with the subscription-validation handshake. */
package io.callemu.emulator.surface.acs.eventgrid;
