package io.openchannel.query;

/**
 * The order of the interactions view: always newest first, ties broken by interaction id,
 * highest first (so every order is total and a cursor names one place in it).
 */
public enum InteractionSort {
  /**
   * By the time of the last message the view shows (S16), or the start time when there is none
   * yet: the interactions with the latest activity first. The default.
   */
  LAST_MESSAGE,
  /** By start time: the newest interactions first. */
  STARTED
}
