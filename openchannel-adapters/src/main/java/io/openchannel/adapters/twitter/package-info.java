/**
 * A {@link io.openchannel.spi.channel.ChannelConnector} for X (Twitter) direct messages: Account
 * Activity webhooks in (CRC answered, every delivery checked by its HMAC-SHA256 signature), X API
 * v2 direct messages out with the host's OAuth 2.0 user token. Uses only {@code java.net.http};
 * registers nothing global.
 */
package io.openchannel.adapters.twitter;
