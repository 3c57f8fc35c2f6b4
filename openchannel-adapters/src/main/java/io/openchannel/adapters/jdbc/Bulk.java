package io.openchannel.adapters.jdbc;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Statements over many rows at once, for the repositories' batch methods. On PostgreSQL a batch
 * of rows travels as one array per column, unpacked by {@code unnest}: one statement, parsed once,
 * whatever the number of rows, and no driver setting needed ({@code reWriteBatchedInserts} helps
 * only plain JDBC batches). H2 and MariaDB get JDBC batches and {@code IN} lists.
 */
final class Bulk {
  /** The most values in one {@code IN} list (the drivers cap the parameters of a statement). */
  static final int IN_CHUNK = 500;

  private Bulk() {}

  static boolean arrays(JdbcTransaction tx) {
    return tx.dialect() == Dialect.POSTGRESQL;
  }

  /**
   * Runs {@code select + " WHERE " + filter + column = value} for each of {@code values} in as few
   * statements as the database allows and returns every row read. On PostgreSQL the values come
   * as one array, each looked up by a lateral equality: that always probes the index the single
   * look-up uses, whereas {@code = ANY(array)} or a plain join can end up scanning all of the
   * account's rows when the table's statistics are stale (a young table, or after a bulk load).
   *
   * <p>With {@code lock} (only in a writable transaction) the rows found are locked until the
   * transaction ends ({@code FOR UPDATE}), in the order of the sorted values, so two batches that
   * share rows never lock them in opposite orders. A batch reads what it will update this way:
   * another engine's batch on the same rows then waits for it instead of reading a version that
   * is about to change, losing, and trying again, possibly many times in a row.
   *
   * @param filter conditions before the column's, each followed by {@code AND} (may be empty)
   */
  static <T> List<T> queryIn(JdbcTransaction tx, String doing, String select, String filter,
      String column, Object[] filterParams, List<String> values, boolean lock,
      JdbcTransaction.RowReader<T> reader) {
    List<T> rows = new ArrayList<>();
    if (values.isEmpty()) {
      return rows;
    }
    boolean locking = lock && !tx.readOnly();
    List<String> sorted = values;
    if (locking) {
      sorted = new ArrayList<>(values);
      sorted.sort(null);
    }
    String forUpdate = locking ? " FOR UPDATE" : "";
    if (arrays(tx)) {
      Object[] params = Rows.concat(new Object[] {tx.array("text", sorted.toArray())},
          filterParams);
      // OFFSET 0 keeps the subquery from being merged into the join, which leaves the planner
      // one plan: for each value in the array's order, the look-up by equality.
      return tx.query(doing, "SELECT x.* FROM unnest(?::text[]) AS k(v) CROSS JOIN LATERAL ("
          + select + " WHERE " + filter + column + " = k.v OFFSET 0" + forUpdate + ") x", reader,
          params);
    }
    for (int from = 0; from < sorted.size(); from += IN_CHUNK) {
      List<String> chunk = sorted.subList(from, Math.min(sorted.size(), from + IN_CHUNK));
      String marks = "?" + ", ?".repeat(chunk.size() - 1);
      rows.addAll(tx.query(doing, select + " WHERE " + filter + column + " IN (" + marks + ")"
              + (locking ? " ORDER BY " + column + forUpdate : ""),
          reader, Rows.concat(filterParams, chunk.toArray())));
    }
    return rows;
  }

  /** Inserts plain rows (values only, no SQL expressions) into {@code table}. */
  static void insertRows(JdbcTransaction tx, String doing, String table, String[] columns,
      List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    String cols = String.join(", ", columns);
    if (arrays(tx) && rows.size() > 1) {
      String[] types = types(rows, columns.length);
      tx.execute(doing, "INSERT INTO " + table + " (" + cols + ") SELECT * FROM "
          + unnest(types, "v"), columnArrays(tx, rows, types));
      return;
    }
    tx.executeBatch(doing, "INSERT INTO " + table + " (" + cols + ") VALUES (?"
        + ", ?".repeat(columns.length - 1) + ")", rows);
  }

  /** {@code unnest(?::t0[], ?::t1[], ...) AS alias(p0, p1, ...)}. */
  static String unnest(String[] types, String alias) {
    StringBuilder args = new StringBuilder();
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < types.length; i++) {
      args.append(i == 0 ? "" : ", ").append("?::").append(types[i]).append("[]");
      names.append(i == 0 ? "" : ", ").append("p").append(i);
    }
    return "unnest(" + args + ") AS " + alias + "(" + names + ")";
  }

  /** The PostgreSQL type of each of the rows' columns, from the first value that tells. */
  static String[] types(List<Object[]> rows, int width) {
    String[] types = new String[width];
    for (int c = 0; c < width; c++) {
      for (Object[] row : rows) {
        types[c] = typeOf(row[c]);
        if (!(row[c] instanceof Sql.Null)) {
          break;
        }
      }
    }
    return types;
  }

  private static String typeOf(Object value) {
    if (value instanceof String) {
      return "text";
    } else if (value instanceof Long) {
      return "int8";
    } else if (value instanceof Integer) {
      return "int4";
    } else if (value instanceof Boolean) {
      return "bool";
    } else if (value instanceof Sql.Null n) {
      return n.type() == Types.BIGINT ? "int8" : "text";
    }
    throw new IllegalArgumentException("no SQL array type for " + value);
  }

  /** One array per column of {@code rows}, SQL NULL for {@link Sql.Null}. */
  static Object[] columnArrays(JdbcTransaction tx, List<Object[]> rows, String[] types) {
    Object[] arrays = new Object[types.length];
    for (int c = 0; c < types.length; c++) {
      Object[] column = new Object[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        Object v = rows.get(r)[c];
        column[r] = v instanceof Sql.Null ? null : v;
      }
      arrays[c] = tx.array(types[c], column);
    }
    return arrays;
  }

  /** {@code expression} with each {@code ?} replaced by the next name {@code next} gives. */
  static String named(String expression, Function<Integer, String> next, int[] counter) {
    StringBuilder out = new StringBuilder();
    for (char ch : expression.toCharArray()) {
      if (ch == '?') {
        out.append(next.apply(counter[0]++));
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }
}
