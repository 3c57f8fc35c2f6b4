package io.openchannel.routing;

import java.util.List;
import java.util.Optional;

/**
 * Administration of queues. In this version queues live in the engine's memory (not in the
 * {@link io.openchannel.spi.store.Store}): a host creates them at start-up. Thread-safe.
 */
public interface Queues {
  /**
   * Creates a queue.
   *
   * @throws io.openchannel.InvalidInputException if a queue with that id exists
   * @throws io.openchannel.NotFoundException if a member agent or the overflow queue does not exist
   */
  Queue create(Queue queue);

  /**
   * Replaces a queue's settings and members; the given version must be the current one. Work
   * waiting in it stays, in order; new members are offered it at once. Pending offers run on.
   *
   * @throws io.openchannel.NotFoundException if there is no such queue, or a member agent or the
   *     overflow queue does not exist
   * @throws io.openchannel.ConcurrentUpdateException if the queue changed since it was read
   */
  Queue update(Queue queue);

  /** The queue, if it exists. */
  Optional<Queue> find(QueueId id);

  /**
   * The queue.
   *
   * @throws io.openchannel.NotFoundException if there is no such queue
   */
  Queue get(QueueId id);

  /** Every queue, ordered by id. */
  List<Queue> list();
}
