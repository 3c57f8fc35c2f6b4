package io.openchannel.adapters.jdbc;

import io.openchannel.ConcurrentUpdateException;
import io.openchannel.NotFoundException;
import io.openchannel.spi.store.Repository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Insert, optimistic update and find on one table. An update is {@code UPDATE ... WHERE id = ?
 * AND version = ?} (plus the columns that never change); when it touches no row a second look
 * says why: no such id ({@link NotFoundException}), a changed reference
 * ({@link IllegalArgumentException}), or someone else's update ({@link ConcurrentUpdateException}).
 * Unique and primary keys are the database's: a clash surfaces from the driver and
 * {@link SqlErrors} makes it a {@link ConcurrentUpdateException}.
 */
abstract class Rows<I, T> implements Repository<I, T> {
  final JdbcTransaction tx;
  private final String table;
  private final String kind;
  private final String select;
  private final String insert;
  private final String update;
  private final String immutable;
  private final boolean[] set;

  /**
   * @param columns every column but {@code id} and {@code version}, in the order of
   *     {@link #values}
   * @param immutableColumns the columns {@link #immutableValues} gives, which an update may not
   *     change
   * @param extraInsert more columns and their SQL values, appended to the insert (may be empty)
   * @param extraUpdate more {@code col = expr} assignments, appended to the update's SET
   */
  Rows(JdbcTransaction tx, String table, String kind, String[] columns, String[] immutableColumns,
      String[][] extraInsert, String extraUpdate) {
    this.tx = tx;
    this.table = table;
    this.kind = kind;
    StringBuilder cols = new StringBuilder("id");
    StringBuilder marks = new StringBuilder("?");
    StringBuilder sets = new StringBuilder();
    List<String> fixed = List.of(immutableColumns);
    this.set = new boolean[columns.length];
    for (int i = 0; i < columns.length; i++) {
      cols.append(", ").append(columns[i]);
      marks.append(", ?");
      // What never changes is checked in the WHERE clause, never written again.
      set[i] = !fixed.contains(columns[i]);
      if (set[i]) {
        sets.append(columns[i]).append(" = ?, ");
      }
    }
    this.select = "SELECT " + cols + ", version FROM " + table;
    for (String[] extra : extraInsert) {
      cols.append(", ").append(extra[0]);
      marks.append(", ").append(extra[1]);
    }
    this.insert = "INSERT INTO " + table + " (" + cols + ", version) VALUES (" + marks + ", 0)";
    StringBuilder where = new StringBuilder();
    for (String c : immutableColumns) {
      where.append(" AND ").append(c).append(" = ?");
    }
    this.immutable = where.toString();
    this.update = "UPDATE " + table + " SET " + sets + extraUpdate + "version = ? WHERE id = ? "
        + "AND version = ?" + immutable;
  }

  abstract String id(I id);

  abstract I idOf(T entity);

  abstract long version(T entity);

  abstract T withVersion(T entity, long version);

  /** The values of the constructor's {@code columns}. */
  abstract Object[] values(T entity);

  /** The values of the constructor's {@code immutableColumns}. */
  abstract Object[] immutableValues(T entity);

  /** Parameters of the extra insert values, bound after {@link #values}. */
  Object[] extraInsertValues(T entity) {
    return new Object[0];
  }

  /** Parameters of the extra update assignments, bound before {@code version}. */
  Object[] extraUpdateValues(T entity) {
    return new Object[0];
  }

  /** The entity of a row of {@link #select()}; subclasses add what lives in other tables. */
  abstract T read(ResultSet rs) throws SQLException;

  /** Writes what lives in other tables; called after the row is inserted or updated. */
  void writeChildren(T entity, boolean inserted) {}

  String select() {
    return select;
  }

  String kind() {
    return kind;
  }

  @Override
  public T insert(T entity) {
    tx.writable();
    if (version(entity) != 0) {
      throw new IllegalArgumentException("a new " + kind + " has version 0, got "
          + version(entity) + " for " + idOf(entity) + "; use update for a stored one");
    }
    tx.execute("inserting " + kind + " " + idOf(entity), insert,
        concat(new Object[] {id(idOf(entity))}, values(entity), extraInsertValues(entity)));
    writeChildren(entity, true);
    return entity;
  }

  @Override
  public T update(T entity) {
    tx.writable();
    String id = id(idOf(entity));
    long version = version(entity);
    int rows = tx.execute("updating " + kind + " " + id, update, concat(settable(values(entity)),
        extraUpdateValues(entity), new Object[] {version + 1, id, version},
        immutableValues(entity)));
    if (rows == 0) {
      throw whyNotUpdated(entity, id, version);
    }
    writeChildren(entity, false);
    return withVersion(entity, version + 1);
  }

  private RuntimeException whyNotUpdated(T entity, String id, long version) {
    Optional<Long> stored = tx.queryOne("reading the version of " + kind + " " + id,
        "SELECT version FROM " + table + " WHERE id = ?", rs -> rs.getLong(1), id);
    if (stored.isEmpty()) {
      return new NotFoundException(kind + " " + id + " is not stored; insert it first");
    }
    if (!immutable.isEmpty() && tx.queryOne("comparing " + kind + " " + id,
        "SELECT 1 FROM " + table + " WHERE id = ?" + immutable, rs -> true,
        concat(new Object[] {id}, immutableValues(entity))).isEmpty()) {
      return new IllegalArgumentException("an update cannot move " + kind + " " + id
          + " to another conversation, contact, account or key; those never change");
    }
    return new ConcurrentUpdateException(kind + " " + id + " is at version " + stored.get()
        + ", not " + version + ": someone changed it meanwhile; read it again and retry");
  }

  private Object[] settable(Object[] values) {
    List<Object> kept = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      if (set[i]) {
        kept.add(values[i]);
      }
    }
    return kept.toArray();
  }

  @Override
  public Optional<T> find(I id) {
    return tx.queryOne("finding " + kind + " " + id(id), select + " WHERE id = ?", this::read,
        id(id));
  }

  static Object[] concat(Object[]... parts) {
    int n = 0;
    for (Object[] p : parts) {
      n += p.length;
    }
    Object[] all = new Object[n];
    int at = 0;
    for (Object[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

  /** The select over this table aliased {@code alias}, for queries that join or filter by alias. */
  String selectAs(String alias) {
    return select + " " + alias;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + " on " + table;
  }
}
