package io.openchannel.adapters.jdbc;

import io.openchannel.OpenChannelException;

/**
 * The database failed in a way that is not a lost race: it is unreachable, the schema is missing
 * or newer than this library, a statement was refused. The message says what happened and, where
 * it can, what to do; the cause is the driver's {@link java.sql.SQLException}. A lost race is a
 * {@link io.openchannel.ConcurrentUpdateException} instead.
 */
public class JdbcStoreException extends OpenChannelException {
  private static final long serialVersionUID = 1L;

  /** An error with its reason and what to do. */
  public JdbcStoreException(String message) {
    super(message);
  }

  /** An error with its reason, what to do, and the driver's exception. */
  public JdbcStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
