package io.openchannel.spi.channel;

/**
 * Something a channel reports: for now a customer's message; delivery and read receipts join
 * this hierarchy with the delivery tracking.
 */
public sealed interface InboundEvent permits InboundMessage {}
