/**
 * A {@link io.openchannel.spi.channel.ChannelConnector} for Microsoft Teams through Bot
 * Framework: activities in (each checked by its JWT against a key set the host supplies, with
 * Nimbus JOSE), text posted back into the conversation with a client-credentials token. Uses
 * {@code java.net.http}; registers nothing global and never fetches keys on its own.
 */
package io.openchannel.adapters.teams;
