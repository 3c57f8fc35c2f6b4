/**
 * Helpers several adapters share (HTTP {@code Retry-After}, webhook signatures). Not API: it
 * may change in any release; hosts use the connectors, never this package.
 */
package io.openchannel.adapters.internal;
