package io.openchannel.account;

import io.openchannel.interaction.Visibility;
import io.openchannel.internal.util.Size;

/**
 * The external channels openchannel knows. Each carries the channel's own hard limit on one
 * attachment, which no account setting may exceed.
 */
public enum ChannelType {
  /** Facebook Messenger: private one-to-one chats with a Page (PSID). */
  FACEBOOK_MESSENGER("Facebook Messenger", 25 * Size.MB, Visibility.PRIVATE),
  /** Facebook Page: posts and comments on the Page's wall; public. */
  FACEBOOK_PAGE("Facebook Page", 25 * Size.MB, Visibility.PUBLIC),
  /** Instagram direct messages (IGSID). */
  INSTAGRAM("Instagram", 25 * Size.MB, Visibility.PRIVATE),
  /** WhatsApp Business Cloud API (documents up to 100 MB). */
  WHATSAPP("WhatsApp", 100 * Size.MB, Visibility.PRIVATE),
  /** Telegram Bot API (multipart upload up to 50 MB). */
  TELEGRAM("Telegram", 50 * Size.MB, Visibility.PRIVATE),
  /** Microsoft Teams through the Bot Framework. */
  TEAMS("Microsoft Teams", 100 * Size.MB, Visibility.PRIVATE),
  /** X (Twitter) direct messages. */
  TWITTER("X", 15 * Size.MB, Visibility.PRIVATE),
  /** SMS/MMS (Twilio media limit 5 MB). */
  SMS("SMS", 5 * Size.MB, Visibility.PRIVATE),
  /** Viber bots (files up to 50 MB). */
  VIBER("Viber", 50 * Size.MB, Visibility.PRIVATE),
  /** LINE Messaging API. */
  LINE("LINE", 50 * Size.MB, Visibility.PRIVATE),
  /** The generic open channel: JSON in, JSON POSTed to the account's Reply URL. */
  GENERIC("Generic open channel", Long.MAX_VALUE, Visibility.PRIVATE);

  private final String displayName;
  private final long maxAttachmentBytes;
  private final Visibility defaultVisibility;

  ChannelType(String displayName, long maxAttachmentBytes, Visibility defaultVisibility) {
    this.displayName = displayName;
    this.maxAttachmentBytes = maxAttachmentBytes;
    this.defaultVisibility = defaultVisibility;
  }

  /** How people call the channel, for messages and UIs. */
  public String displayName() {
    return displayName;
  }

  /** The channel's own limit for one attachment, in bytes ({@link Long#MAX_VALUE} if none). */
  public long maxAttachmentBytes() {
    return maxAttachmentBytes;
  }

  /** The visibility of interactions on this channel unless an inbound message says otherwise. */
  public Visibility defaultVisibility() {
    return defaultVisibility;
  }
}
