package io.openchannel.interaction;

/** Whether an interaction is one-to-one or happens in public (S23). */
public enum Visibility {
  /** One-to-one, like a Messenger chat. */
  PRIVATE,
  /** Public, like comments under a post on a Facebook Page wall. */
  PUBLIC
}
