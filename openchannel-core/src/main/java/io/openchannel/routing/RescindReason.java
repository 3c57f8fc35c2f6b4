package io.openchannel.routing;

/** Why the engine withdrew a pending offer; the agent's UI removes the offer and may say why. */
public enum RescindReason {
  /** Another agent accepted the same interaction first (S7). */
  TAKEN_BY_OTHER_AGENT,
  /** The interaction was closed while offered. */
  INTERACTION_CLOSED,
  /** The interaction was transferred while offered. */
  TRANSFERRED,
  /** The agent went paused or offline, or their capacity was lowered below their load. */
  AGENT_UNAVAILABLE
}
