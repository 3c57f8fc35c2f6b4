package io.openchannel.routing;

/** What happens to an agent's assigned interactions when the agent goes {@link Presence#OFFLINE}. */
public enum OfflineAssignments {
  /** They stay with the agent (the default). */
  KEEP,
  /** They go back to their queue and are offered to other agents. */
  REQUEUE
}
