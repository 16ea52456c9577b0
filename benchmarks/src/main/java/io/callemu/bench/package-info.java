/** JMH benchmarks and load harnesses. */
package io.callemu.bench;
