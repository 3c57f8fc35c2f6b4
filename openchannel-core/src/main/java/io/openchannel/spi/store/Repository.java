package io.openchannel.spi.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *   <li>The batch methods ({@link #findAll}, {@link #insertAll}, {@link #updateAll}) mean exactly
 *       what the single calls in a loop mean; their defaults are those loops. A store overrides
 *       them to save round trips (the engine uses them to store a webhook's batch of messages).
 *       A failing batch call may have applied part of the batch inside the transaction, which
 *       then must not be used again; the engine rolls it back, so nothing of it is kept.
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

  /**
   * The stored entities among {@code ids}, by id (ids not stored are left out), as {@link #find}
   * would give each.
   */
  default Map<I, T> findAll(Collection<I> ids) {
    Map<I, T> found = new LinkedHashMap<>();
    for (I id : ids) {
      find(id).ifPresent(entity -> found.put(id, entity));
    }
    return found;
  }

  /** {@link #insert} of each entity, in order; returns them. */
  default List<T> insertAll(List<T> entities) {
    List<T> inserted = new ArrayList<>(entities.size());
    for (T entity : entities) {
      inserted.add(insert(entity));
    }
    return inserted;
  }

  /**
   * {@link #update} of each entity, in order; returns each with its new version. One entity may
   * come several times, each time at the version its previous update returned.
   */
  default List<T> updateAll(List<T> entities) {
    List<T> updated = new ArrayList<>(entities.size());
    for (T entity : entities) {
      updated.add(update(entity));
    }
    return updated;
  }
}
