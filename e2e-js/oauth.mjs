// Plain OAuth 2.0 with oauth4webapi: RFC 8414 discovery, PKCE S256 code flow through the API-key
// authorize, the state validated on the authorization response, code exchange and refresh
// rotation for a public client, and the access token (RFC 9068) verified against the JWKS.
import * as oauth from 'oauth4webapi';
import { authorize, check, discover, insecure, redirectUri, run, setting } from './lib/connect.mjs';

const client = { client_id: setting('CONNECT_E2E_PUBLIC_CLIENT_ID') };
const clientAuth = oauth.None();
let as;
let tokens;

await run('oauth', [
  ['discovery (RFC 8414)', async () => {
    as = await discover('oauth2');
    check(as.code_challenge_methods_supported.includes('S256'), 'S256 is advertised');
  }],
  ['code flow with PKCE', async () => {
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const { callback } = await authorize(as, {
      response_type: 'code', client_id: client.client_id, redirect_uri: redirectUri, scope: 'connect',
      state, code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
    });
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, redirectUri, verifier, insecure);
    tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    check(tokens.refresh_token, 'a refresh token is issued');
  }],
  ['access token verified with the JWKS', async () => {
    const request = new Request(as.token_endpoint, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    const claims = await oauth.validateJwtAccessToken(as, request, as.issuer, insecure);
    check(claims.client_id === client.client_id, 'client_id claim');
  }],
  ['refresh rotation', async () => {
    const response = await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token, insecure);
    const refreshed = await oauth.processRefreshTokenResponse(as, client, response);
    check(refreshed.refresh_token !== tokens.refresh_token, 'the refresh token rotates');
  }],
]);
