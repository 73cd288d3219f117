/**
 * Caches in front of out-ports, each with a bounded staleness: what a request would otherwise read
 * from the store every time although it rarely changes.
 */
package dev.connect.oauth.application.cache;
