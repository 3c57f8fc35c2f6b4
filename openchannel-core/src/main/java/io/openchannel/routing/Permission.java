package io.openchannel.routing;

/** What an agent may do beyond answering their own interactions. */
public enum Permission {
  /** Download an interaction's transcript (S22). */
  TRANSCRIPT_DOWNLOAD,
  /** Transfer an interaction to another agent or queue (S14). */
  TRANSFER,
  /** Start new outbound interactions (S26). */
  OUTBOUND
}
