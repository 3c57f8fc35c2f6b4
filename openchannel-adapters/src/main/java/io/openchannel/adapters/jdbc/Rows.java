package io.openchannel.adapters.jdbc;

import io.openchannel.ConcurrentUpdateException;
import io.openchannel.NotFoundException;
import io.openchannel.spi.store.Repository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  // What the bulk statements of the batch methods are built from.
  private final String[] columns;
  private final String[] immutableColumns;
  private final String[][] extraInsert;
  private final String extraUpdate;

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
    this.columns = columns;
    this.immutableColumns = immutableColumns;
    this.extraInsert = extraInsert;
    this.extraUpdate = extraUpdate;
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

  /** Writes what lives in other tables for many entities; subclasses may batch it. */
  void writeChildrenAll(List<T> entities, boolean inserted) {
    for (T entity : entities) {
      writeChildren(entity, inserted);
    }
  }

  @Override
  public Map<I, T> findAll(Collection<I> ids) {
    Map<String, I> byKey = new LinkedHashMap<>();
    for (I id : ids) {
      byKey.put(id(id), id);
    }
    Map<I, T> found = new LinkedHashMap<>();
    for (T entity : Bulk.queryIn(tx, "finding " + byKey.size() + " " + kind + "s",
        select, "", "id", new Object[0], new ArrayList<>(byKey.keySet()), true, this::read)) {
      found.put(idOf(entity), entity);
    }
    return found;
  }

  @Override
  public List<T> insertAll(List<T> entities) {
    tx.writable();
    if (entities.size() < 2) {
      return entities.isEmpty() ? List.of() : List.of(insert(entities.get(0)));
    }
    List<Object[]> rows = new ArrayList<>(entities.size());
    for (T entity : entities) {
      if (version(entity) != 0) {
        throw new IllegalArgumentException("a new " + kind + " has version 0, got "
            + version(entity) + " for " + idOf(entity) + "; use update for a stored one");
      }
      rows.add(concat(new Object[] {id(idOf(entity))}, values(entity),
          extraInsertValues(entity)));
    }
    String doing = "inserting " + entities.size() + " " + kind + "s";
    if (Bulk.arrays(tx)) {
      String[] types = Bulk.types(rows, rows.get(0).length);
      tx.execute(doing, bulkInsert(types), Bulk.columnArrays(tx, rows, types));
    } else {
      tx.executeBatch(doing, insert, rows);
    }
    writeChildrenAll(entities, true);
    return List.copyOf(entities);
  }

  /**
   * {@code INSERT ... SELECT ... FROM unnest(...)}: the extra columns' expressions read their
   * parameters from the arrays too, and {@code unnest} keeps the rows' order, so sequences are
   * drawn in insertion order.
   */
  private String bulkInsert(String[] types) {
    StringBuilder cols = new StringBuilder("id");
    StringBuilder exprs = new StringBuilder("v.p0");
    int[] at = {1};
    for (String c : columns) {
      cols.append(", ").append(c);
      exprs.append(", v.p").append(at[0]++);
    }
    for (String[] extra : extraInsert) {
      cols.append(", ").append(extra[0]);
      exprs.append(", ").append(Bulk.named(extra[1], i -> "v.p" + i, at));
    }
    return "INSERT INTO " + table + " (" + cols + ", version) SELECT " + exprs + ", 0 FROM "
        + Bulk.unnest(types, "v");
  }

  @Override
  public List<T> updateAll(List<T> entities) {
    tx.writable();
    if (tx.dialect() == Dialect.MARIADB) {
      // MariaDB's driver may report a batch's update counts as "unknown" (bulk protocol,
      // rewriteBatchedStatements), which would hide a lost race: one statement per update there.
      return Repository.super.updateAll(entities);
    }
    // Updates of one entity in a row (each at the version the previous returned) are written
    // once: the last state, checked against the first version. Nobody sees the states in
    // between, which a transaction would have hidden anyway.
    Map<String, T[]> chains = new LinkedHashMap<>();
    for (T entity : entities) {
      String id = id(idOf(entity));
      T[] chain = chains.get(id);
      if (chain == null) {
        chains.put(id, pair(entity, entity));
      } else if (version(entity) == version(chain[1]) + 1) {
        chain[1] = entity;
      } else {
        return Repository.super.updateAll(entities); // not a chain: one by one says what's wrong
      }
    }
    if (chains.size() < 2) {
      return Repository.super.updateAll(entities);
    }
    List<Object[]> rows = new ArrayList<>(chains.size());
    List<T> last = new ArrayList<>(chains.size());
    for (Map.Entry<String, T[]> chain : chains.entrySet()) {
      T latest = chain.getValue()[1];
      rows.add(concat(settable(values(latest)), extraUpdateValues(latest),
          new Object[] {version(latest) + 1, chain.getKey(), version(chain.getValue()[0])},
          immutableValues(latest)));
      last.add(latest);
    }
    String doing = "updating " + rows.size() + " " + kind + "s";
    java.util.Set<String> updated = new java.util.HashSet<>();
    if (Bulk.arrays(tx)) {
      String[] types = Bulk.types(rows, rows.get(0).length);
      updated.addAll(tx.query(doing, bulkUpdate(types), rs -> rs.getString(1),
          Bulk.columnArrays(tx, rows, types)));
    } else {
      int[] counts = tx.executeBatchCounts(doing, update, rows);
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] < 0) {
          throw new JdbcStoreException(doing + ": the driver did not say which rows it updated "
              + "(count " + counts[i] + "), so a concurrent update could go unnoticed");
        }
        if (counts[i] > 0) {
          updated.add((String) rows.get(i)[rows.get(i).length - 2 - immutableColumns.length]);
        }
      }
    }
    for (Map.Entry<String, T[]> chain : chains.entrySet()) {
      if (!updated.contains(chain.getKey())) {
        throw whyNotUpdated(chain.getValue()[1], chain.getKey(),
            version(chain.getValue()[0]));
      }
    }
    writeChildrenAll(last, false);
    List<T> result = new ArrayList<>(entities.size());
    for (T entity : entities) {
      result.add(withVersion(entity, version(entity) + 1));
    }
    return result;
  }

  @SafeVarargs
  private static <T> T[] pair(T... both) {
    return both;
  }

  /**
   * {@code UPDATE t SET ... FROM unnest(...) v WHERE t.id = v.id AND t.version = v.version ...
   * RETURNING t.id}: the ids it returns are the rows whose version (and fixed columns) matched.
   */
  private String bulkUpdate(String[] types) {
    StringBuilder sets = new StringBuilder();
    int[] at = {0};
    for (int i = 0; i < columns.length; i++) {
      if (set[i]) {
        sets.append(columns[i]).append(" = v.p").append(at[0]++).append(", ");
      }
    }
    sets.append(Bulk.named(extraUpdate, i -> "v.p" + i, at));
    int newVersion = at[0];
    StringBuilder where = new StringBuilder("t.id = v.p" + (newVersion + 1) + " AND t.version = v.p"
        + (newVersion + 2));
    for (int i = 0; i < immutableColumns.length; i++) {
      where.append(" AND t.").append(immutableColumns[i]).append(" = v.p")
          .append(newVersion + 3 + i);
    }
    return "UPDATE " + table + " AS t SET " + sets + "version = v.p" + newVersion + " FROM "
        + Bulk.unnest(types, "v") + " WHERE " + where + " RETURNING t.id";
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
