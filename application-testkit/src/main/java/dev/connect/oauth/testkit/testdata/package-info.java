/**
 * Test data shared by the service tests, the port contract suite and the adapters' tests: a
 * {@link dev.connect.oauth.testkit.testdata.MutableClock} and factories returning builders of
 * ready, valid domain objects, so that a test states only what it varies.
 */
package dev.connect.oauth.testkit.testdata;
