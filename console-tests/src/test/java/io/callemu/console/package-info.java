/**
 * The web console end to end: Debian's Chromium driven by playwright-core (src/test/node) against
 * an embedded callemu and the repository's example IVR, and the console's load measurement.
 */
package io.callemu.console;
