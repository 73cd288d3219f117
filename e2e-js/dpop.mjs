// DPoP (RFC 9449) with oauth4webapi: the proof algorithms in the metadata, a code bound to the key
// with dpop_jkt and exchanged with a proof (token_type DPoP), a protected call to /oauth/info with
// a proof, the same proof sent twice (the replay refused), the DPoP-bound token as a plain Bearer
// token (refused), and refreshes of the public client's key-bound refresh token: without a proof
// (refused), then with one.
import * as oauth from 'oauth4webapi';
import { authorize, check, discover, insecure, redirectUri, run, setting } from './lib/connect.mjs';

const client = { client_id: setting('CONNECT_E2E_PUBLIC_CLIENT_ID') };
const clientAuth = oauth.None();
let as;
let DPoP;
let tokens;

/** Runs `request` once more when the server asks for its nonce (use_dpop_nonce): oauth4webapi keeps the nonce it was sent. */
async function withNonceRetry(request) {
  try {
    return await request();
  } catch (error) {
    if (oauth.isDPoPNonceError(error)) {
      return request();
    }
    throw error;
  }
}

/** A DPoP proof for GET `url` with `accessToken`, made by the client's own DPoP handle. */
async function proofFor(url, accessToken) {
  const headers = new Headers();
  await DPoP.addProof(url, headers, 'GET', accessToken);
  return headers.get('dpop');
}

await run('dpop', [
  ['metadata advertises the proof algorithms (RFC 9449 §5.1)', async () => {
    as = await discover('oauth2');
    check(as.dpop_signing_alg_values_supported?.includes('ES256'), 'ES256 is advertised');
    DPoP = oauth.DPoP(client, await oauth.generateKeyPair('ES256'));
  }],
  ['code bound with dpop_jkt, exchanged with a proof', async () => {
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const { callback } = await authorize(as, {
      response_type: 'code', client_id: client.client_id, redirect_uri: redirectUri, scope: 'connect',
      state, code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
      dpop_jkt: await DPoP.calculateThumbprint(),
    });
    const params = oauth.validateAuthResponse(as, client, callback, state);
    tokens = await withNonceRetry(async () => oauth.processAuthorizationCodeResponse(as, client,
      await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, redirectUri, verifier,
        { ...insecure, DPoP })));
    check(tokens.token_type === 'dpop', `token_type DPoP, not ${tokens.token_type}`);
    check(tokens.refresh_token, 'a refresh token is issued');
  }],
  ['protected call to /oauth/info with a proof', async () => {
    const response = await withNonceRetry(() => oauth.protectedResourceRequest(tokens.access_token, 'GET',
      new URL(as.info_endpoint), new Headers({ accept: 'application/json' }), null, { ...insecure, DPoP }));
    check(response.status === 200, `200, not ${response.status}`);
    check(response.headers.get('dpop-nonce'), 'a DPoP-Nonce comes with the answer');
    const info = await response.json();
    check(info.client_id === client.client_id, 'the token of this client');
  }],
  ['the same proof sent twice: the replay is refused', async () => {
    const url = new URL(as.info_endpoint);
    const proof = await proofFor(url, tokens.access_token);
    const send = () => fetch(url, { headers: { authorization: `DPoP ${tokens.access_token}`, dpop: proof, accept: 'application/json' } });
    const first = await send();
    check(first.status === 200, `the first use is accepted, not ${first.status}`);
    const replayed = await send();
    check(replayed.status === 401, `the replay is 401, not ${replayed.status}`);
    check((await replayed.json()).error === 'invalid_dpop_proof', 'invalid_dpop_proof');
    check(replayed.headers.get('www-authenticate')?.startsWith('DPoP error="invalid_dpop_proof"'), 'a DPoP challenge');
  }],
  ['the DPoP-bound token as a plain Bearer token is refused', async () => {
    const response = await fetch(new URL(as.info_endpoint), {
      headers: { authorization: `Bearer ${tokens.access_token}`, accept: 'application/json' },
    });
    check(response.status === 401, `401, not ${response.status}`);
    check((await response.json()).error === 'invalid_token', 'invalid_token');
  }],
  ['refresh without a proof is refused: the refresh token is bound to the key', async () => {
    const response = await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token, insecure);
    try {
      await oauth.processRefreshTokenResponse(as, client, response);
      check(false, 'the refresh without a proof is refused');
    } catch (error) {
      check(error instanceof oauth.ResponseBodyError && error.error === 'invalid_grant', `invalid_grant, not ${error}`);
    }
  }],
  ['refresh with a proof', async () => {
    const refreshed = await withNonceRetry(async () => oauth.processRefreshTokenResponse(as, client,
      await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token, { ...insecure, DPoP })));
    check(refreshed.token_type === 'dpop', 'the new access token is DPoP-bound');
    check(refreshed.refresh_token !== tokens.refresh_token, 'the refresh token rotates');
    const response = await oauth.protectedResourceRequest(refreshed.access_token, 'GET', new URL(as.info_endpoint),
      new Headers({ accept: 'application/json' }), null, { ...insecure, DPoP });
    check(response.status === 200, 'the refreshed token works with a proof');
  }],
]);
