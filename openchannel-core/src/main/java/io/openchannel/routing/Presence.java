package io.openchannel.routing;

/** Whether an agent takes new offers. */
public enum Presence {
  /** Takes offers. */
  AVAILABLE,
  /** Logged in but takes no new offers. */
  PAUSED,
  /** Not working. */
  OFFLINE
}
