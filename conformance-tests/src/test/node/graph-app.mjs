// A Graph bot's outbound side as the official JS clients build it: @azure/identity 4.14.1
// (ClientSecretCredential against callemu's Entra ID stand-in) and @microsoft/microsoft-graph-client
// 3.0.7 (TokenCredentialAuthenticationProvider, baseUrl and customHosts at callemu's HTTPS origin),
// trusting callemu's certificate through NODE_EXTRA_CA_CERTS. jose checks tokens against a JWKS as
// a bot would. Remote-controlled by the JUnit tests with JSON-line commands (harness.mjs).
//
// Ops (each reply's "wire" lists the HTTP exchanges made for it):
//   token      {authorityHost, tenantId, clientId, clientSecret, scopes?}   -> {token, expiresOnTimestamp}
//   graphGet   {baseUrl, path, version?, tenantId, clientId, clientSecret}  -> the Graph response body
//   graphGet   {baseUrl, path, version?, accessToken}                        -> the same with a given token
//   verify     {token, jwksUri, issuer, audience}                            -> {header, payload}
//
// Errors: identity errors come back as the credential throws them (name, message); Graph errors as
// GraphError (statusCode, code, message, details: {requestId, date, body}).
import { ClientSecretCredential } from "@azure/identity";
import { Client } from "@microsoft/microsoft-graph-client";
import { TokenCredentialAuthenticationProvider } from "@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { commandContext, serveCommands } from "./harness.mjs";

const GRAPH_SCOPE = "https://graph.microsoft.com/.default";

// @azure/identity's requests (the OIDC document, the token request) pass this pipeline policy.
const captureWirePolicy = {
  name: "callemuConformanceCaptureWire",
  async sendRequest(request, next) {
    const exchange = { client: "identity", method: request.method, url: request.url,
      requestHeaders: request.headers.toJSON({ preserveCase: true }) };
    commandContext.getStore()?.wire.push(exchange);
    const response = await next(request);
    exchange.status = response.status;
    exchange.responseBody = response.bodyAsText ?? undefined;
    return response;
  },
};

// The Graph client sends through the global fetch: wrap it to see its requests too.
const originalFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const request = new Request(input, init);
  const exchange = { client: "graph", method: request.method, url: request.url,
    requestHeaders: Object.fromEntries(request.headers.entries()) };
  commandContext.getStore()?.wire.push(exchange);
  const response = await originalFetch(input, init);
  exchange.status = response.status;
  exchange.responseHeaders = Object.fromEntries(response.headers.entries());
  return response;
};

function credential(cmd) {
  return new ClientSecretCredential(cmd.tenantId, cmd.clientId, cmd.clientSecret, {
    authorityHost: cmd.authorityHost,
    // Otherwise MSAL asks login.microsoftonline.com first (official-clients.md 2.1).
    disableInstanceDiscovery: true,
    additionalPolicies: [{ policy: captureWirePolicy, position: "perRetry" }],
  });
}

function graphClient(cmd) {
  const authProvider = cmd.accessToken !== undefined
    ? { getAccessToken: async () => cmd.accessToken }
    : new TokenCredentialAuthenticationProvider(credential({ ...cmd, authorityHost: cmd.authorityHost ?? cmd.baseUrl }),
        { scopes: [GRAPH_SCOPE] });
  // Authorization is only sent to https hosts in customHosts (official-clients.md 1.1): a bare host name.
  return Client.initWithMiddleware({ authProvider, baseUrl: cmd.baseUrl,
    customHosts: new Set([new URL(cmd.baseUrl).hostname]) });
}

const ops = {
  async token(cmd) {
    const token = await credential(cmd).getToken(cmd.scopes ?? [GRAPH_SCOPE]);
    return { token: token.token, expiresOnTimestamp: token.expiresOnTimestamp };
  },

  async graphGet(cmd) {
    try {
      return await graphClient(cmd).api(cmd.path).version(cmd.version ?? "v1.0").get();
    } catch (e) {
      if (e?.constructor?.name !== "GraphError") throw e;
      // GraphError keeps what the SDK parsed from the Graph error envelope.
      throw Object.assign(new Error(e.message), { name: "GraphError", statusCode: e.statusCode, code: e.code,
        details: { requestId: e.requestId, date: e.date, body: e.body } });
    }
  },

  async verify(cmd) {
    const jwks = createRemoteJWKSet(new URL(cmd.jwksUri));
    const { payload, protectedHeader } = await jwtVerify(cmd.token, jwks,
      { issuer: cmd.issuer, audience: cmd.audience, algorithms: ["RS256"] });
    return { header: protectedHeader, payload };
  },
};

serveCommands(ops, {}, () => {});
