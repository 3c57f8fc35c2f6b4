package io.openchannel.internal.store;

import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;

/**
 * An open interaction as the in-memory store keeps it: its record, which routing reads and
 * writes at every step, replaced in place on each update. Few interactions are open at a time,
 * so the one object each costs is nothing beside what packing the closed ones saves.
 */
final class OpenInteraction extends KeptInteraction {
  private Interaction record;

  OpenInteraction(Interaction record) {
    this.record = record;
  }

  void set(Interaction next) {
    record = next;
  }

  @Override
  InteractionId id() {
    return record.id();
  }

  @Override
  Interaction interaction() {
    return record;
  }
}
