/**
 * RTP (RFC 3550) packet view, RFC 4733 telephone-event receiver and sender, and the DTMF tone
 * vocabulary shared by the ACS and Graph surfaces. No runtime dependencies.
 */
package io.callemu.dtmf;
