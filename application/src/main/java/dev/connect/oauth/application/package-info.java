/**
 * The OAuth server's use cases: {@code port.in} (what callers can ask), {@code port.out} (what the
 * use cases need) and {@code service} (the implementations). Depends on the domain and
 * {@code jakarta.inject} only.
 */
package dev.connect.oauth.application;
