/**
 * A {@link io.openchannel.spi.channel.ChannelConnector} for the WhatsApp Business Cloud API:
 * signed webhooks in (messages of every type, media by id, statuses), text, media and approved
 * templates out through the Graph API. Built on the Meta-common pieces of
 * {@code io.openchannel.adapters.internal.meta}; uses only {@code java.net.http}; registers
 * nothing global. Start at {@link io.openchannel.adapters.whatsapp.WhatsAppConnector}.
 */
package io.openchannel.adapters.whatsapp;
