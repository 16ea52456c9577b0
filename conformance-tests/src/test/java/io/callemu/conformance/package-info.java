/**
 * The callemu conformance suite: callemu driven by the official ACS Call Automation SDKs the way
 * apps use them (JS 1.6.0 through a Node "app under test", Java 1.0.4 in-process). Every test
 * names the assertion ID of one documented behaviour; README.md lists them with their sources.
 */
package io.callemu.conformance;
