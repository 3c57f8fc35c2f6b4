package io.openchannel.adapters.jdbc;

import io.openchannel.spi.store.AccountRepository;
import io.openchannel.spi.store.AgentRepository;
import io.openchannel.spi.store.ContactRepository;
import io.openchannel.spi.store.ConversationRepository;
import io.openchannel.spi.store.InteractionRepository;
import io.openchannel.spi.store.MessageRepository;
import io.openchannel.spi.store.StoreTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One database transaction seen as a {@link StoreTransaction}: the connection, the statements it
 * prepared (reused while it lasts), and the six repositories. Used on one thread and closed when
 * the work returns; a read-only one refuses writes before they reach the database.
 */
final class JdbcTransaction implements StoreTransaction, AutoCloseable {
  /** Reads one row. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private final Connection connection;
  private final Dialect dialect;
  private final int searchPickLimit;
  private final boolean readOnly;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private boolean closed;

  private final AccountTable accounts;
  private final AgentTable agents;
  private final ContactTable contacts;
  private final ConversationTable conversations;
  private final InteractionTable interactions;
  private final MessageTable messages;

  JdbcTransaction(Connection connection, Dialect dialect, boolean readOnly, int searchPickLimit) {
    this.connection = connection;
    this.dialect = dialect;
    this.readOnly = readOnly;
    this.searchPickLimit = searchPickLimit;
    // The tables build their SQL from the dialect, so they come after it.
    this.accounts = new AccountTable(this);
    this.agents = new AgentTable(this);
    this.contacts = new ContactTable(this);
    this.conversations = new ConversationTable(this);
    this.interactions = new InteractionTable(this);
    this.messages = new MessageTable(this);
  }

  boolean readOnly() {
    return readOnly;
  }

  Dialect dialect() {
    return dialect;
  }

  /** See {@link TextSearch}: below this many rows, a search word's matches are picked. */
  int searchPickLimit() {
    return searchPickLimit;
  }

  /** Refuses a write in a read-only transaction, and any use after the work returned. */
  void writable() {
    open();
    if (readOnly) {
      throw new IllegalStateException(
          "this is a read-only transaction (Store.read); write in Store.inTransaction instead");
    }
  }

  private void open() {
    if (closed) {
      throw new IllegalStateException(
          "this transaction has ended; use the one the current Store call hands you");
    }
  }

  int execute(String doing, String sql, Object... params) {
    open();
    try {
      PreparedStatement ps = prepare(sql);
      Sql.bind(ps, params);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw SqlErrors.translate(e, doing);
    }
  }

  /** Runs {@code sql} once per parameter row, sent together (one round trip where the driver can). */
  void executeBatch(String doing, String sql, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    open();
    try {
      PreparedStatement ps = prepare(sql);
      if (rows.size() == 1) {
        Sql.bind(ps, rows.get(0));
        ps.executeUpdate();
        return;
      }
      for (Object[] row : rows) {
        Sql.bind(ps, row);
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw SqlErrors.translate(e, doing);
    }
  }

  /**
   * Like {@link #executeBatch}, and says how many rows each parameter row changed
   * ({@link java.sql.Statement#SUCCESS_NO_INFO} where the driver does not know).
   */
  int[] executeBatchCounts(String doing, String sql, List<Object[]> rows) {
    open();
    try {
      PreparedStatement ps = prepare(sql);
      for (Object[] row : rows) {
        Sql.bind(ps, row);
        ps.addBatch();
      }
      return ps.executeBatch();
    } catch (SQLException e) {
      throw SqlErrors.translate(e, doing);
    }
  }

  /** A SQL array of {@code elements} (PostgreSQL's bulk statements take one per column). */
  java.sql.Array array(String elementType, Object[] elements) {
    try {
      return connection.createArrayOf(elementType, elements);
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "making a " + elementType + " array");
    }
  }

  <T> List<T> query(String doing, String sql, RowReader<T> reader, Object... params) {
    open();
    try {
      PreparedStatement ps = prepare(sql);
      Sql.bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(reader.read(rs));
        }
        return rows;
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e, doing);
    }
  }

  <T> Optional<T> queryOne(String doing, String sql, RowReader<T> reader, Object... params) {
    List<T> rows = query(doing, sql, reader, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  @Override
  public void close() {
    closed = true;
    for (PreparedStatement ps : statements.values()) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // the connection is closed next, which releases the statement anyway
      }
    }
    statements.clear();
  }

  @Override
  public AccountRepository accounts() {
    return accounts;
  }

  @Override
  public AgentRepository agents() {
    return agents;
  }

  @Override
  public ContactRepository contacts() {
    return contacts;
  }

  @Override
  public ConversationRepository conversations() {
    return conversations;
  }

  @Override
  public InteractionRepository interactions() {
    return interactions;
  }

  @Override
  public MessageRepository messages() {
    return messages;
  }
}
