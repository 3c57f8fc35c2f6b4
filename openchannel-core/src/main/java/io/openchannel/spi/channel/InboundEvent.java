package io.openchannel.spi.channel;

/** Something a channel reports: a customer's message, or a receipt for our messages. */
public sealed interface InboundEvent permits InboundMessage, DeliveryReceipt {}
