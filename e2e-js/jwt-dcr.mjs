// JWT client authentication (RFC 7523, private_key_jwt) and dynamic client registration (RFC 7591)
// with oauth4webapi: the metadata advertises both; a client registered with an admin's API key as
// initial access token runs a PKCE code flow; a client registered with its public key (jwks) gets
// a client_credentials token with a signed assertion, and the same assertion sent again is refused;
// a client registered with client_secret_jwt gets one with an HMAC assertion keyed with its secret
// (oauth4webapi's ClientSecretJwt), and its secret itself, in Basic, is refused.
import * as oauth from 'oauth4webapi';
import { adminKey, authorize, check, discover, insecure, redirectUri, run } from './lib/connect.mjs';

let as;

/** Registers `metadata` at the registration endpoint with the admin's key as initial access token. */
async function register(metadata) {
  const response = await oauth.dynamicClientRegistrationRequest(as, metadata,
    { initialAccessToken: adminKey(), ...insecure });
  return oauth.processDynamicClientRegistrationResponse(response);
}

await run('jwt-dcr', [
  ['discovery advertises registration and private_key_jwt', async () => {
    as = await discover('oauth2');
    check(as.registration_endpoint, 'registration_endpoint is advertised');
    check(as.token_endpoint_auth_methods_supported.includes('private_key_jwt'), 'private_key_jwt is advertised');
    check(as.token_endpoint_auth_signing_alg_values_supported.includes('ES256'), 'ES256 assertions are advertised');
    check(as.token_endpoint_auth_methods_supported.includes('client_secret_jwt'), 'client_secret_jwt is advertised');
    check(as.token_endpoint_auth_signing_alg_values_supported.includes('HS256'), 'HS256 assertions are advertised');
  }],
  ['registration without a valid initial access token is refused', async () => {
    const response = await oauth.dynamicClientRegistrationRequest(as, { redirect_uris: [redirectUri] },
      { initialAccessToken: 'not-a-key', ...insecure });
    check(response.status === 401, `401 without a valid initial access token (got ${response.status})`);
  }],
  ['registration then a code flow with the registered client', async () => {
    const client = await register({
      client_name: 'e2e registered', redirect_uris: [redirectUri], scope: 'connect',
      token_endpoint_auth_method: 'client_secret_basic', grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    });
    check(client.client_secret && client.registration_access_token, 'a secret and a registration access token');
    check(client.client_secret_expires_at === 0, 'the secret does not expire');
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const { callback } = await authorize(as, {
      response_type: 'code', client_id: client.client_id, redirect_uri: redirectUri, scope: 'connect', state,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
    });
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.ClientSecretBasic(client.client_secret),
      params, redirectUri, verifier, insecure);
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    check(tokens.access_token && tokens.refresh_token, 'tokens for the registered client');
    const configuration = await fetch(client.registration_client_uri,
      { headers: { authorization: `Bearer ${client.registration_access_token}`, accept: 'application/json' } });
    check(configuration.status === 200, `the configuration endpoint reads the registration (got ${configuration.status})`);
  }],
  ['private_key_jwt client_credentials, and a replayed assertion refused', async () => {
    const { privateKey, publicKey } = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true,
      ['sign', 'verify']);
    const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', publicKey);
    const kid = 'e2e-key-1';
    const client = await register({
      client_name: 'e2e key client', token_endpoint_auth_method: 'private_key_jwt',
      grant_types: ['client_credentials'], scope: 'connect', jwks: { keys: [{ kty, crv, x, y, kid, use: 'sig', alg: 'ES256' }] },
    });
    check(client.client_secret === undefined, 'no secret for a private_key_jwt client');
    let sentBody;
    const captured = (url, init) => {
      sentBody = init.body.toString();
      return fetch(url, init);
    };
    const response = await oauth.clientCredentialsGrantRequest(as, client, oauth.PrivateKeyJwt({ key: privateKey, kid }),
      new URLSearchParams({ scope: 'connect' }), { ...insecure, [oauth.customFetch]: captured });
    const tokens = await oauth.processClientCredentialsResponse(as, client, response);
    check(tokens.access_token, 'an access token for the signed assertion');
    const replay = await fetch(as.token_endpoint, {
      method: 'POST', body: sentBody,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    });
    const refused = await replay.json();
    check(replay.status === 401 && refused.error === 'invalid_client', `the replayed assertion is refused (got ${replay.status})`);
  }],
  ['client_secret_jwt client_credentials, and the secret itself refused', async () => {
    const client = await register({
      client_name: 'e2e hmac client', token_endpoint_auth_method: 'client_secret_jwt',
      token_endpoint_auth_signing_alg: 'HS256', grant_types: ['client_credentials'], scope: 'connect',
    });
    check(client.client_secret && client.client_secret.length >= 32, 'a secret long enough for HS256');
    check(client.token_endpoint_auth_method === 'client_secret_jwt', 'registered as client_secret_jwt');
    const response = await oauth.clientCredentialsGrantRequest(as, client, oauth.ClientSecretJwt(client.client_secret),
      new URLSearchParams({ scope: 'connect' }), insecure);
    const tokens = await oauth.processClientCredentialsResponse(as, client, response);
    check(tokens.access_token, 'an access token for the HMAC assertion');
    const basic = await oauth.clientCredentialsGrantRequest(as, client, oauth.ClientSecretBasic(client.client_secret),
      new URLSearchParams({ scope: 'connect' }), insecure);
    const refused = await basic.json();
    check(basic.status === 401 && refused.error === 'invalid_client',
      `the secret itself is refused for a client_secret_jwt client (got ${basic.status})`);
  }],
]);
