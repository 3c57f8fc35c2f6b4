package io.openchannel.spi.store;

import java.util.Optional;

/**
 * Storage of one kind of entity inside a {@link StoreTransaction}. Entities are immutable records
 * that carry an optimistic {@code version}.
 *
 * <p>Contract (checked by the {@code StoreContract} kit):
 * <ul>
 *   <li>{@link #insert} takes an entity of version 0 ({@link IllegalArgumentException}
 *       otherwise) and stores it as is; an existing id, or a
 *       value that breaks a unique rule of the repository, is a
 *       {@link io.openchannel.ConcurrentUpdateException} (the engine retries and then sees the
 *       winner's row).
 *   <li>{@link #update} stores the entity only if the stored version equals the entity's
 *       version, and returns it with the version plus one; otherwise
 *       {@link io.openchannel.ConcurrentUpdateException}. An unknown id is
 *       {@link io.openchannel.NotFoundException}.
 *   <li>Reads see the transaction's own writes.
 *   <li>What identifies an entity's place never changes on update: a conversation's key, an
 *       interaction's conversation and contact, a message's interaction and account.
 *   <li>When a call breaks several rules at once, which exception wins is unspecified.
 * </ul>
 *
 * @param <I> the id type
 * @param <T> the entity type
 */
public interface Repository<I, T> {
  /** Stores a new entity (version 0) and returns it. */
  T insert(T entity);

  /** Stores a changed entity if nobody changed it meanwhile; returns it with its new version. */
  T update(T entity);

  /** The entity with that id, if stored. */
  Optional<T> find(I id);
}
