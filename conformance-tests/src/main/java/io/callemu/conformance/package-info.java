/** Conformance suite driving callemu with the official SDKs (placeholder until its issue lands). */
package io.callemu.conformance;
