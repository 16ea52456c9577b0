/**
 * A stand-in for Microsoft Entra ID on the HTTPS port (CONTRACT section 6): the OpenID Connect
 * document, the client-credentials token endpoint and the JWKS that the official credentials
 * ({@code @azure/identity}, Java {@code azure-identity}) use, for the applications registered with
 * {@code --graph-app}. It issues the Graph access tokens that
 * {@link io.callemu.emulator.surface.graph.GraphAuth} accepts, and refuses bad requests with the
 * documented AADSTS codes ({@link io.callemu.emulator.surface.graph.identity.EntraErrors}).
 */
package io.callemu.emulator.surface.graph.identity;
