package io.openchannel.spi.store;

/**
 * One unit of work against a {@link Store}: everything written through it becomes visible to
 * others all at once when the work returns, or not at all when it throws. Not thread-safe: use it
 * only on the thread that runs the work, and never after the work returned.
 */
public interface StoreTransaction {
  /** Accounts. */
  AccountRepository accounts();

  /** Agents. */
  AgentRepository agents();

  /** Contacts. */
  ContactRepository contacts();

  /** Conversations. */
  ConversationRepository conversations();

  /** Interactions. */
  InteractionRepository interactions();

  /** Messages. */
  MessageRepository messages();
}
