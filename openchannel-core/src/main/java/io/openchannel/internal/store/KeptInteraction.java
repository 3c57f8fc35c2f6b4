package io.openchannel.internal.store;

import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;

/**
 * What the in-memory store keeps for an interaction: an open one as its record
 * ({@link OpenInteraction}), a closed one packed ({@link StoredInteraction}). Either carries the
 * interaction's row number in the view's index, so that neither a write nor a message of the
 * interaction looks its row up in a map of its own. Guarded by the store's lock.
 */
abstract class KeptInteraction {
  /** The row in {@link InteractionIndex}; -1 until the index has seen the interaction. */
  int viewRow = -1;

  abstract InteractionId id();

  /** The interaction as a record. */
  abstract Interaction interaction();
}
