package io.openchannel.internal.store;

import io.openchannel.interaction.Interaction;

/**
 * Open interactions kept as their records ({@link OpenInteraction}: routing reads and writes them
 * at every step), closed ones packed ({@link StoredInteraction}: nearly all of a store, seldom
 * read). What is kept is rewritten in place while the interaction stays open or stays closed,
 * and carries the view's row number over when it changes form.
 */
final class InteractionForm implements RowForm<Interaction> {
  @Override
  public Object keep(Interaction row, Object kept) {
    if (row.isOpen() && kept instanceof OpenInteraction open) {
      open.set(row);
      return open;
    }
    if (!row.isOpen() && kept instanceof StoredInteraction stored) {
      stored.set(row);
      return stored;
    }
    KeptInteraction next = row.isOpen() ? new OpenInteraction(row) : new StoredInteraction(row);
    if (kept != null) {
      next.viewRow = ((KeptInteraction) kept).viewRow;
    }
    return next;
  }

  @Override
  public Interaction row(Object kept) {
    return ((KeptInteraction) kept).interaction();
  }

  @Override
  public boolean hasId(Object kept, Object id) {
    Object own = ((KeptInteraction) kept).id();
    return own == id || own.equals(id);
  }
}
