/**
 * The HTTP adapter: API.md served by Vert.x Web. {@link dev.connect.oauth.adapter.http.HttpAdapter}
 * is the one entry point; it takes {@link dev.connect.oauth.adapter.http.HttpUseCases} (the in-ports)
 * and {@link dev.connect.oauth.adapter.http.HttpSettings}. Everything else here is package-private:
 * one class per endpoint group that parses, calls an in-port and renders; the one error mapper and
 * its status table; the common rules of API.md §1 (X-VERSION, request ids, security headers,
 * content negotiation, maintenance, rate limits, metrics); strict decoding of forms, queries and
 * JSON; and the sign-in and consent pages with their templates and message bundles.
 */
package dev.connect.oauth.adapter.http;
