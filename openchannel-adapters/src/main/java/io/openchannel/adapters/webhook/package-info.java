/**
 * The generic open channel: a JSON webhook wire-compatible with the reference product's
 * open-channel account (inbound {@code from}, {@code body}, {@code mapKey}, names,
 * {@code threadId}, {@code AttachmentId}; agent replies POSTed as JSON to the account's Reply
 * URL), so that connectors written for it work unchanged. Start at
 * {@link io.openchannel.adapters.webhook.GenericWebhookConnector}.
 */
package io.openchannel.adapters.webhook;
