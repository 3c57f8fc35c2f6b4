/**
 * A {@link io.openchannel.spi.channel.ChannelConnector} for the Telegram Bot API: webhook updates
 * in (checked by the {@code X-Telegram-Bot-Api-Secret-Token} header), {@code sendMessage},
 * {@code sendPhoto}, {@code sendDocument} and {@code sendVoice} out, files downloaded lazily
 * through {@code getFile}. Uses only {@code java.net.http}; registers nothing global.
 */
package io.openchannel.adapters.telegram;
