/** JMH benchmarks of the RFC 4733 decoder and the RTP packet view. */
package io.callemu.bench.dtmf;
