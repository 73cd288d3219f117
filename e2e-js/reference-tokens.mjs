// Reference (opaque) access tokens with oauth4webapi: a client registered (RFC 7591) with
// access_token_format "reference" gets, by client_credentials, a token that is no JWT; introspection
// (RFC 7662) describes it as it would a JWT, and after revocation (RFC 7009) it is inactive at once.
import * as oauth from 'oauth4webapi';
import { adminKey, check, discover, insecure, run } from './lib/connect.mjs';

let as;
let client;
let clientAuth;
let token;

async function introspect() {
  const response = await oauth.introspectionRequest(as, client, clientAuth, token, insecure);
  return oauth.processIntrospectionResponse(as, client, response);
}

await run('reference-tokens', [
  ['registration with access_token_format reference', async () => {
    as = await discover('oauth2');
    const response = await oauth.dynamicClientRegistrationRequest(as, {
      client_name: 'e2e reference tokens', grant_types: ['client_credentials'], response_types: [], scope: 'connect',
      access_token_format: 'reference',
    }, { initialAccessToken: adminKey(), ...insecure });
    client = await oauth.processDynamicClientRegistrationResponse(response);
    check(client.access_token_format === 'reference', `the format is shown (${client.access_token_format})`);
    clientAuth = oauth.ClientSecretBasic(client.client_secret);
  }],
  ['an unknown format is invalid_client_metadata', async () => {
    const response = await oauth.dynamicClientRegistrationRequest(as, { scope: 'connect', access_token_format: 'opaque' },
      { initialAccessToken: adminKey(), ...insecure });
    const body = await response.json();
    check(response.status === 400 && body.error === 'invalid_client_metadata', `refused (${response.status} ${body.error})`);
  }],
  ['client_credentials gives an opaque token', async () => {
    const response = await oauth.clientCredentialsGrantRequest(as, client, clientAuth,
      new URLSearchParams({ scope: 'connect' }), insecure);
    const tokens = await oauth.processClientCredentialsResponse(as, client, response);
    token = tokens.access_token;
    check(/^[A-Za-z0-9_-]{51}$/.test(token), 'a 51-character base64url string (its time, then 256 random bits), no dots');
    check(tokens.token_type === 'bearer' && tokens.refresh_token === undefined, 'a bearer token without refresh token');
  }],
  ['introspection describes it', async () => {
    const described = await introspect();
    check(described.active === true, 'active');
    check(described.client_id === client.client_id && described.scope === 'connect', 'its client and scope');
    check(described.jti && described.iat && described.exp > Date.now() / 1000, 'jti, iat and a future exp');
    check(described.aud, 'an audience');
  }],
  ['revoked, it is inactive at once', async () => {
    await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, clientAuth, token, insecure));
    check((await introspect()).active === false, 'inactive after revocation');
  }],
]);
