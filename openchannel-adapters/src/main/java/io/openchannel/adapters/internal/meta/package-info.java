/**
 * What every connector on Meta's Graph platform shares (Messenger, Facebook Page, Instagram,
 * WhatsApp Cloud API): the {@code hub.challenge} handshake and {@code X-Hub-Signature-256}
 * verification of webhooks ({@link io.openchannel.adapters.internal.meta.MetaWebhook}), a small
 * Graph API client on {@code java.net.http} ({@link io.openchannel.adapters.internal.meta.GraphApi})
 * and the classification of Graph errors into send results
 * ({@link io.openchannel.adapters.internal.meta.GraphErrors}). Not API: it may change in any
 * release; hosts use the connectors, never this package.
 */
package io.openchannel.adapters.internal.meta;
