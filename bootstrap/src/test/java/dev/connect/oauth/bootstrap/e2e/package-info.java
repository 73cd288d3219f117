/**
 * End-to-end tests: the real server ({@code ConnectServer}) on the embedded H2 database and on
 * MariaDB, driven over HTTP by a real OAuth client (the Nimbus OAuth 2.0 SDK), a real browser
 * (headless Chromium through Selenium) and plain {@code java.net.http} calls for every row of
 * API.md §1. Each suite starts one server per database and test class.
 */
package dev.connect.oauth.bootstrap.e2e;
