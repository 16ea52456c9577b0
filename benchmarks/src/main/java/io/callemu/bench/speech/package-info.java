/** JMH benchmarks of callemu's Speech surface without the network. */
package io.callemu.bench.speech;
