/**
 * A REAL OpenID provider (the `oidc-provider` package, unmodified) for the console's login tests,
 * run in its own Node process: oidc-provider 9 is ESM-only, which jest's CommonJS module system
 * cannot load. The test drives it over the IPC channel (see openid-provider.ts beside this file).
 *
 * One HTTP server on 127.0.0.1 keeps the issuer's address; `configure` builds a new Provider behind
 * it (as an identity provider's redeploy would), which is how a test rotates the signing keys or
 * shortens the access tokens' lifetime. Logging in and consenting go through the provider's own
 * development forms (devInteractions): any password, the login names an account below.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import Provider, { errors } from 'oidc-provider';

/** Private signing keys by `kid`, made on first use and kept so a key can stay published after rotation. */
const privateKeys = new Map();
function privateJwk(kid) {
  if (!privateKeys.has(kid)) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    privateKeys.set(kid, { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' });
  }
  return privateKeys.get(kid);
}

let handle = (_request, response) => response.writeHead(503).end();
const server = createServer((request, response) => handle(request, response));

function report(message) {
  process.send?.(message);
}

/**
 * @param {object} settings
 * @param {string} settings.issuer
 * @param {{ clientId: string, redirectUri: string }} settings.client the console: a public client (no secret)
 * @param {{ indicator: string, audience: string, scope: string }} settings.api the resource server the access tokens are for
 * @param {Record<string, { name: string, claims: Record<string, unknown> }>} settings.accounts by login name
 * @param {string[]} settings.signingKeys kids, the first signs, all are published in the JWKS
 * @param {number} settings.accessTokenTtlSeconds
 */
function buildProvider(settings) {
  const { issuer, client, api, accounts } = settings;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        redirect_uris: [client.redirectUri],
        post_logout_redirect_uris: [client.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: settings.signingKeys.map(privateJwk) },
    cookies: { keys: ['test-only-cookie-key-for-the-login-tests'] },
    claims: { openid: ['sub'], profile: ['name'] },
    findAccount: (_ctx, id) =>
      accounts[id] ? { accountId: id, claims: () => ({ sub: id, name: accounts[id].name }) } : undefined,
    // Every client must use PKCE; S256 is the only method oidc-provider 9 accepts.
    pkce: { required: () => true },
    // A browser may call the token endpoint from the console's origin only.
    clientBasedCORS: (_ctx, origin, requestingClient) =>
      requestingClient.redirectUris.some((uri) => new URL(uri).origin === origin),
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // The console asks for no `resource`: its access tokens are for the API all the same.
        defaultResource: () => api.indicator,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== api.indicator) throw new errors.InvalidTarget();
          return {
            scope: api.scope,
            audience: api.audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: settings.accessTokenTtlSeconds,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    // The contract's claims (role, org, regions, facilityIds) in the API's access token.
    extraTokenClaims: (_ctx, token) => (token.kind === 'AccessToken' ? accounts[token.accountId]?.claims : undefined),
    ttl: {
      AccessToken: settings.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
  });
  // What the provider refused, for the test to assert on (its error and description, never a token).
  for (const event of ['grant.error', 'authorization.error', 'server_error']) {
    provider.on(event, (_ctx, error) =>
      report({ type: 'event', event, error: error.error ?? error.name, description: error.error_description ?? error.message }),
    );
  }
  return provider;
}

process.on('message', (message) => {
  if (message.type !== 'configure') return;
  try {
    handle = buildProvider(message.settings).callback();
    report({ type: 'configured' });
  } catch (error) {
    report({ type: 'failed', message: error.stack ?? String(error) });
  }
});

server.listen(0, '127.0.0.1', () => report({ type: 'listening', port: server.address().port }));
process.on('disconnect', () => server.close(() => process.exit(0)));
