package io.openchannel.internal.store;

import io.openchannel.interaction.Interaction;

/**
 * Open interactions kept as records (routing reads and writes them at every step), closed ones
 * packed as {@link StoredInteraction}s (nearly all of a store, seldom read).
 */
final class InteractionForm implements RowForm<Interaction> {
  @Override
  public Object keep(Interaction row, Object kept) {
    if (row.isOpen()) {
      return row;
    }
    if (kept instanceof StoredInteraction stored) {
      stored.set(row);
      return stored;
    }
    return new StoredInteraction(row);
  }

  @Override
  public Interaction row(Object kept) {
    return kept instanceof Interaction i ? i : ((StoredInteraction) kept).interaction();
  }

  @Override
  public boolean hasId(Object kept, Object id) {
    Object own = kept instanceof Interaction i ? i.id() : ((StoredInteraction) kept).id();
    return own == id || own.equals(id);
  }
}
