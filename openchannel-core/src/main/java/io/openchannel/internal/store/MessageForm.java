package io.openchannel.internal.store;

import io.openchannel.message.Message;

/** Messages kept as {@link StoredMessage}s. */
final class MessageForm implements RowForm<Message> {
  @Override
  public Object keep(Message row, Object kept) {
    if (kept == null) {
      return new StoredMessage(row);
    }
    ((StoredMessage) kept).set(row);
    return kept;
  }

  @Override
  public Message row(Object kept) {
    return ((StoredMessage) kept).message();
  }

  @Override
  public boolean hasId(Object kept, Object id) {
    return ((StoredMessage) kept).hasId(id);
  }
}
