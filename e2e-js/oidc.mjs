// OpenID Connect with oauth4webapi (issue 10): discovery with algorithm 'oidc', the code flow with
// PKCE and a nonce for a confidential client, RFC 9207 `iss` validated on the success and the error
// response, the ID token validated (iss, aud, azp, exp, iat, nonce, auth_time with max_age) and its
// ES256 signature verified against the JWKS, at_hash checked, UserInfo `sub` equal to the ID
// token's, a fresh ID token on refresh (Core §12.2) for the same `sub`, and RP-initiated logout.
import * as oauth from 'oauth4webapi';
import { createHash, webcrypto } from 'node:crypto';
import { authorize, check, discover, insecure, redirectUri, run, setting } from './lib/connect.mjs';

const client = { client_id: setting('CONNECT_E2E_CLIENT_ID') };
const clientAuth = oauth.ClientSecretBasic(setting('CONNECT_E2E_CLIENT_SECRET'));
const customerId = setting('CONNECT_E2E_CUSTOMER_ID');
const customerEmail = setting('CONNECT_E2E_CUSTOMER_EMAIL');
const customerName = setting('CONNECT_E2E_CUSTOMER_NAME');
let as;
let tokens;
let idToken;

/** The JWS's ES256 signature verified with the key of its kid in the published JWK Set. */
async function verifySignature(jwt) {
  const [header, payload, signature] = jwt.split('.');
  const { alg, kid, typ } = JSON.parse(Buffer.from(header, 'base64url').toString());
  check(alg === 'ES256' && typ === 'JWT', `ID token header alg ES256 and typ JWT (got ${alg}, ${typ})`);
  const jwks = await (await fetch(as.jwks_uri, { headers: { Accept: 'application/json' } })).json();
  const jwk = jwks.keys.find((key) => key.kid === kid);
  check(jwk, `kid ${kid} is published`);
  const key = await webcrypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  const valid = await webcrypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key,
    Buffer.from(signature, 'base64url'), Buffer.from(`${header}.${payload}`));
  check(valid, 'the ID token signature verifies with the JWKS');
}

function atHash(accessToken) {
  return createHash('sha256').update(accessToken, 'ascii').digest().subarray(0, 16).toString('base64url');
}

await run('oidc', [
  ['discovery (OpenID Connect Discovery 1.0)', async () => {
    as = await discover('oidc');
    check(as.authorization_response_iss_parameter_supported === true, 'RFC 9207 is advertised');
    check(as.id_token_signing_alg_values_supported.includes('ES256'), 'ES256 ID tokens are advertised');
    check(as.scopes_supported.includes('openid'), 'openid is advertised');
    check(as.userinfo_endpoint, 'a UserInfo endpoint is advertised');
  }],
  ['error response carries iss (RFC 9207)', async () => {
    const state = oauth.generateRandomState();
    const { status, body, callback } = await authorize(as, {
      response_type: 'code', client_id: client.client_id, redirect_uri: redirectUri, scope: 'openid tests', state,
    });
    check(status === 400 && body.error === 'invalid_scope', `invalid_scope for a scope not registered (${status} ${JSON.stringify(body)})`);
    check(body.iss === as.issuer, 'the error names the issuer');
    try {
      oauth.validateAuthResponse(as, client, callback, state);
      check(false, 'the error response is reported');
    } catch (error) {
      check(error instanceof oauth.AuthorizationResponseError && error.error === 'invalid_scope', `AuthorizationResponseError (${error})`);
    }
    const forged = new URL(callback);
    forged.searchParams.set('iss', 'https://attacker.example');
    let mixUp;
    try {
      oauth.validateAuthResponse(as, client, forged, state);
    } catch (error) {
      mixUp = error;
    }
    check(mixUp && !(mixUp instanceof oauth.AuthorizationResponseError), 'a response from another issuer is refused (mix-up)');
  }],
  ['code flow with PKCE and a nonce', async () => {
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();
    const { callback } = await authorize(as, {
      response_type: 'code', client_id: client.client_id, redirect_uri: redirectUri,
      scope: 'openid profile email connect', state, nonce,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
    });
    check(callback.searchParams.get('iss') === as.issuer, 'the success response names the issuer');
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, redirectUri, verifier, insecure);
    tokens = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: nonce, maxAge: 300, requireIdToken: true });
    idToken = oauth.getValidatedIdTokenClaims(tokens);
    check(idToken.sub === customerId, 'sub is the account');
    check(idToken.aud === client.client_id || idToken.aud.includes(client.client_id), 'aud is the client');
    check(idToken.nonce === nonce, 'the nonce is bound');
    check(typeof idToken.auth_time === 'number', 'auth_time is present');
    check(idToken.at_hash === atHash(tokens.access_token), 'at_hash matches the access token');
    await verifySignature(tokens.id_token);
  }],
  ['a wrong nonce is refused', async () => {
    const state = oauth.generateRandomState();
    const { callback } = await authorize(as, {
      response_type: 'code', client_id: client.client_id, redirect_uri: redirectUri, scope: 'openid', state,
      nonce: 'the-real-nonce',
    });
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, redirectUri, oauth.nopkce, insecure);
    let refused;
    try {
      await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: 'another-nonce' });
    } catch (error) {
      refused = error;
    }
    check(refused, 'the ID token of another nonce is refused');
  }],
  ['UserInfo (GET, bearer)', async () => {
    const response = await oauth.userInfoRequest(as, client, tokens.access_token, insecure);
    const info = await oauth.processUserInfoResponse(as, client, idToken.sub, response);
    check(info.sub === idToken.sub, 'UserInfo sub equals the ID token sub');
    check(info.email === customerEmail, 'email released by the email scope');
    check(info.name === customerName, 'name released by the profile scope');
  }],
  ['UserInfo refuses a bad token with WWW-Authenticate', async () => {
    const response = await fetch(as.userinfo_endpoint, { headers: { Authorization: 'Bearer not-a-token', Accept: 'application/json' } });
    check(response.status === 401, `401 for an unknown token (${response.status})`);
    check(/^Bearer .*error="invalid_token"/.test(response.headers.get('www-authenticate') ?? ''), 'Bearer invalid_token challenge');
  }],
  ['refresh returns a new ID token (Core 12.2)', async () => {
    const response = await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token, insecure);
    const refreshed = await oauth.processRefreshTokenResponse(as, client, response);
    const claims = oauth.getValidatedIdTokenClaims(refreshed);
    check(claims, 'an ID token on refresh');
    check(claims.sub === idToken.sub, 'the same sub');
    check(claims.auth_time === idToken.auth_time, 'the original auth_time');
    check(claims.nonce === undefined, 'no nonce on refresh');
    await verifySignature(refreshed.id_token);
  }],
  ['RP-initiated logout', async () => {
    check(as.end_session_endpoint, 'an end_session_endpoint is advertised');
    const url = new URL(as.end_session_endpoint);
    url.searchParams.set('id_token_hint', tokens.id_token);
    url.searchParams.set('post_logout_redirect_uri', redirectUri);
    url.searchParams.set('state', 'bye-1');
    const response = await fetch(url, { redirect: 'manual' });
    check(response.status === 302, `302 to the post-logout URI (${response.status})`);
    const location = new URL(response.headers.get('location'));
    check(location.origin + location.pathname === redirectUri && location.searchParams.get('state') === 'bye-1',
      `back to the registered URI with the state (${location})`);
    const refused = await fetch(`${as.end_session_endpoint}?post_logout_redirect_uri=${encodeURIComponent('https://attacker.example/')}&id_token_hint=${tokens.id_token}`,
      { redirect: 'manual', headers: { Accept: 'application/json' } });
    check(refused.status === 400, `an unregistered URI is refused, not followed (${refused.status})`);
  }],
]);
