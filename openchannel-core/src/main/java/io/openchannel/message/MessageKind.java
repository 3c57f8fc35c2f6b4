package io.openchannel.message;

/** What a message carries. */
public enum MessageKind {
  /** Text, emoticons included. */
  TEXT,
  /** One file, with optional text (a caption). */
  ATTACHMENT,
  /** A recorded voice message (an audio attachment). */
  VOICE,
  /** An approved template (WhatsApp outside the 24-hour window). */
  TEMPLATE,
  /** An internal note: shown to agents, never sent to the channel (S11). */
  NOTE
}
