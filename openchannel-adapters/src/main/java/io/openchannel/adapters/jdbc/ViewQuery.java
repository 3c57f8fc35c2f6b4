package io.openchannel.adapters.jdbc;

import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.Tag;
import io.openchannel.query.AdvancedSearch;
import io.openchannel.query.Criterion;
import io.openchannel.query.InteractionQuery;
import io.openchannel.query.InteractionSort;
import io.openchannel.query.Join;
import io.openchannel.query.SearchText;
import io.openchannel.query.SortKey;
import io.openchannel.query.TagMatch;
import io.openchannel.spi.store.InteractionSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One page of the interactions view in SQL: the query's filters become a WHERE clause over
 * {@code oc_interaction i} (tags, search words and texts through {@code EXISTS} on their tables),
 * the page is a keyset read ({@code (time, id) < cursor}, newest first, {@code LIMIT n + 1} to
 * know whether more follow; never OFFSET), and the total a {@code COUNT(*)} of the same filters
 * that stops one past the query's {@code exactTotalUpTo}.
 * Both run in the caller's transaction, so in {@code Store.read} they see one snapshot.
 */
final class ViewQuery {
  private final JdbcTransaction tx;
  private final InteractionQuery query;
  private final String time;
  private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
  private final List<Object> params = new ArrayList<>();
  private String hints = "";
  private String pageIndex = "";
  private String countIndex = "";

  ViewQuery(JdbcTransaction tx, InteractionQuery query) {
    this.tx = tx;
    this.query = query;
    this.time = query.sort() == InteractionSort.STARTED ? "i.started_at" : "i.sort_at";
  }

  InteractionSlice run() {
    filters();
    long counted = count();
    StringBuilder page = new StringBuilder(where);
    List<Object> pageParams = new ArrayList<>(params);
    query.after().ifPresent(cursor -> {
      SortKey key = cursor.position();
      page.append(" AND (").append(time).append(" < ? OR (").append(time)
          .append(" = ? AND i.id < ?))");
      long at = Sql.nanos(key.at());
      pageParams.add(at);
      pageParams.add(at);
      pageParams.add(key.id().value());
    });
    InteractionTable table = (InteractionTable) tx.interactions();
    String order = " ORDER BY " + time + " DESC, i.id DESC";
    String sql = pageIndex.isEmpty()
        ? table.selectAs("i") + page + order + " LIMIT ?"
        // MariaDB reads each row the index walk meets before it checks the filters on it when
        // it walks an index backwards (no index condition pushdown), even where the index holds
        // every filter column: the page's ids come from the index alone, then their rows.
        : table.selectAs("o") + " JOIN (SELECT i.id AS page_id FROM oc_interaction i"
            + pageIndex + page + order + " LIMIT ?) p ON p.page_id = o.id"
            + order.replace("i.", "o.");
    List<Interaction> rows = tx.query("reading a page of the interactions view", hints + sql,
        table::read, append(pageParams, query.pageSize() + 1));
    boolean more = rows.size() > query.pageSize();
    List<Interaction> shown = more ? rows.subList(0, query.pageSize()) : rows;
    long cap = query.exactTotalUpTo();
    if (counted > cap) {
      // Stopped counting at cap + 1: more than cap match, and at least the rows shown.
      return new InteractionSlice(shown, more, Math.max(cap, shown.size()), false);
    }
    return new InteractionSlice(shown, more, Math.max(counted, shown.size()));
  }

  /**
   * The matches counted up to one past the query's limit: reading stops there, so a million
   * matches cost what the limit's worth of them costs.
   */
  private long count() {
    long cap = query.exactTotalUpTo();
    String from = "oc_interaction i" + countIndex + where;
    String sql = hints + (cap == Long.MAX_VALUE ? "SELECT COUNT(*) FROM " + from
        : "SELECT COUNT(*) FROM (SELECT 1 AS one FROM " + from + " LIMIT ?) capped");
    Object[] values = cap == Long.MAX_VALUE ? params.toArray() : append(params, cap + 1);
    return tx.queryOne("counting the interactions view", sql, rs -> rs.getLong(1), values)
        .orElse(0L);
  }

  private static Object[] append(List<Object> params, Object last) {
    List<Object> all = new ArrayList<>(params);
    all.add(last);
    return all.toArray();
  }

  private void filters() {
    query.startedFrom().ifPresent(at -> and("i.started_at >= ?", Sql.nanos(at)));
    query.startedBefore().ifPresent(at -> and("i.started_at < ?", Sql.nanos(at)));
    query.read().ifPresent(read -> and("i.is_read = ?", read));
    query.status().ifPresent(status -> and("i.status = ?", status.name()));
    if (!query.accounts().isEmpty()) {
      and("i.account_id IN " + marks(query.accounts().size()),
          query.accounts().stream().map(a -> a.value()).toArray());
    }
    if (!query.agents().isEmpty()) {
      and("i.first_agent IN " + marks(query.agents().size()),
          query.agents().stream().map(a -> a.value()).toArray());
    }
    if (!query.tags().isEmpty()) {
      List<String> tags = query.tags().stream().map(Tag::name).toList();
      if (query.tagMatch() == TagMatch.ANY) {
        and(Predicates.TAG + " AND t.tag IN " + marks(tags.size()) + ")", tags.toArray());
      } else {
        for (String tag : tags) {
          and(Predicates.TAG + " AND t.tag = ?)", tag);
        }
      }
    }
    if (!query.textWords().isEmpty()) {
      TextSearch text = TextSearch.of(tx, query.textWords(), tx.searchPickLimit());
      and(text.condition(), text.params().toArray());
      if (tx.dialect() == Dialect.MARIADB) {
        // MariaDB would turn each word's EXISTS into a semi-join that first copies every row of
        // the word into a temporary table (80,000 rows for a word in 4% of a million
        // messages); probing the (owner, word) index per candidate row is what the forms in
        // TextSearch are built for.
        hints = "SET STATEMENT optimizer_switch='exists_to_in=off' FOR ";
        if (text.probesEveryWord()) {
          mariaDbIndexes();
        }
      }
    }
    query.advanced().ifPresent(this::advanced);
  }

  /**
   * Indexes for MariaDB when every search word is probed per row. MariaDB guesses the rows a
   * page walks from the filters alone, so it walks the plain sort index and fetches every row
   * (112,000 for "where order" on two accounts' closed interactions, 7 s) where a filter's
   * index holds every filter column and the order: the page walks that one. The count needs no
   * order: it walks a filter's index too, or without filters the primary key, whose order is
   * the word probes' order, so consecutive probes read neighbouring index pages.
   */
  private void mariaDbIndexes() {
    String filterIndex = query.agents().size() == 1 ? "oc_interaction_agent_sort"
        : query.accounts().size() == 1 ? "oc_interaction_account_sort"
        : query.status().isPresent() ? "oc_interaction_status_sort" : null;
    if (filterIndex != null && query.sort() != InteractionSort.STARTED) {
      pageIndex = " FORCE INDEX (" + filterIndex + ")";
    }
    String countFilterIndex = !query.agents().isEmpty() ? "oc_interaction_agent_sort"
        : !query.accounts().isEmpty() ? "oc_interaction_account_sort"
        : query.status().isPresent() ? "oc_interaction_status_sort" : null;
    boolean unfiltered = query.startedFrom().isEmpty() && query.startedBefore().isEmpty()
        && query.read().isEmpty() && query.tags().isEmpty() && query.advanced().isEmpty();
    if (countFilterIndex != null) {
      countIndex = " FORCE INDEX (" + countFilterIndex + ")";
    } else if (unfiltered) {
      countIndex = " FORCE INDEX (PRIMARY)";
    }
  }

  private void advanced(AdvancedSearch search) {
    List<String> parts = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (Criterion c : search.criteria()) {
      Predicates.Sql p = Predicates.of(c);
      parts.add("(" + p.sql() + ")");
      values.addAll(p.params());
    }
    String joiner = search.join() == Join.AND ? " AND " : " OR ";
    and("(" + String.join(joiner, parts) + ")", values.toArray());
  }

  private void and(String condition, Object... values) {
    where.append(" AND ").append(condition);
    params.addAll(List.of(values));
  }

  static String marks(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(k -> "?")
        .collect(Collectors.joining(", ", "(", ")"));
  }

  /** Normalises criterion values of text fields the way the search columns are. */
  static List<String> normalized(List<String> values) {
    return values.stream().map(SearchText::normalize).toList();
  }
}
