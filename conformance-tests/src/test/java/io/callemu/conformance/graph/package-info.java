/**
 * The Microsoft Graph part of the conformance suite: bots built with the official Graph and
 * identity clients (JS through src/test/node/graph-app.mjs, Java through {@link
 * io.callemu.conformance.graph.GraphJavaSdk}) get tokens from callemu's Entra ID stand-in and drive
 * whole calls; notifications are checked as bots check them and parsed with the SDKs' models.
 */
package io.callemu.conformance.graph;
