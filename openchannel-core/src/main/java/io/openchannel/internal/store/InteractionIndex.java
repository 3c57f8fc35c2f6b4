package io.openchannel.internal.store;

import io.openchannel.account.AccountId;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.Tag;
import io.openchannel.internal.query.QueryMatcher;
import io.openchannel.message.Message;
import io.openchannel.query.InteractionQuery;
import io.openchannel.query.InteractionSort;
import io.openchannel.query.SortKey;
import io.openchannel.query.TagMatch;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.store.InteractionSlice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

/**
 * The in-memory store's indexes for the interactions view. Each committed interaction gets a
 * dense row number; bit sets of the closed and the read rows, and per account, first agent and tag
 * the list of its rows; a query turns each of its filters into a bit set of rows, combines them
 * by AND and counts the result's cardinality; two {@link TimeOrder}s give the view's orders;
 * {@link TextIndex} answers search. A page is then either walked off an order (when matches are
 * dense) or picked from the matching rows with a bounded heap (when they are sparse), so neither
 * case scans everything. Only the start range and advanced criteria are checked row by row, on
 * the rows the bit sets left.
 *
 * <p>Writes cost a few hash and array operations per changed interaction. Memory per row: its
 * place in {@link RowNumbers} (~18 bytes) and in the two orders (~27 bytes each), 12 bytes of
 * start time, 4 bytes per account, first agent and tag it has, two bits. Guarded by the store's
 * lock.
 */
final class InteractionIndex {
  /** A row's place in one order: the view's order (time, then id, both descending). */
  private record Key(long second, int nano, InteractionId id, int row) {
    TimeOrder.Probe probe() {
      return new TimeOrder.Probe(second, nano, id);
    }
  }

  private static final PrimitiveIterator.OfInt NO_ROWS = java.util.stream.IntStream.empty().iterator();

  /**
   * Newest first, then highest id first: {@link SortKey}'s order, written out for speed. A key
   * without id (a bound for range lookups) comes after every key of its time.
   */
  private static final Comparator<Key> ORDER = (a, b) -> {
    if (a.second != b.second) {
      return a.second > b.second ? -1 : 1;
    }
    if (a.nano != b.nano) {
      return a.nano > b.nano ? -1 : 1;
    }
    if (a.id == null || b.id == null) {
      return a.id == b.id ? 0 : a.id == null ? 1 : -1;
    }
    return b.id.compareTo(a.id);
  };

  /** An interaction's row here, from what the store keeps for it; -1 for none. */
  private final java.util.function.ToIntFunction<InteractionId> rowOf;
  /** Each row as the interaction table keeps it. */
  private KeptInteraction[] rows = new KeptInteraction[1024];
  /** Each row's start time, apart from the row objects: a range filter reads them in sequence. */
  private long[] startSeconds = new long[1024];
  private int[] startNanos = new int[1024];
  private int size;
  private final TimeOrder byActivity = new TimeOrder();
  private final TimeOrder byStart = new TimeOrder();
  // Closed rows rather than open ones: BitSet.clear of the highest set bit scans down to the next
  // set bit, and with open rows kept that was every close of the newest interaction over all the
  // closed ones below it (a scan of rows/64 words per close). A closed row stays closed.
  private final BitSet closed = new BitSet();
  private final BitSet read = new BitSet();
  // Accounts, agents and tags may be many, so their rows are lists (4 bytes a row), not bit sets
  // (a bit per row up to the highest): with 1,000 agents a bit set each cost more than the rows.
  private final Map<AccountId, IntList> byAccount = new HashMap<>();
  private final Map<AgentId, IntList> byFirstAgent = new HashMap<>();
  private final Map<Tag, IntList> byTag = new HashMap<>();
  private final TextIndex text = new TextIndex();
  /** The store's own list of a contact's interactions, so the index keeps no second one. */
  private final Function<ContactId, List<InteractionId>> interactionsOfContact;

  InteractionIndex(Function<ContactId, List<InteractionId>> interactionsOfContact,
      java.util.function.ToIntFunction<InteractionId> rowOf) {
    this.interactionsOfContact = interactionsOfContact;
    this.rowOf = rowOf;
  }

  /**
   * @param kept what the interaction table keeps for {@code now}, which the index holds too
   */
  void interaction(Interaction old, Interaction now, KeptInteraction kept) {
    int row;
    if (old == null) {
      row = size++;
      kept.viewRow = row;
      if (row == rows.length) {
        rows = Arrays.copyOf(rows, row * 2);
        startSeconds = Arrays.copyOf(startSeconds, row * 2);
        startNanos = Arrays.copyOf(startNanos, row * 2);
      }
      add(byStart, now, InteractionSort.STARTED, row);
      add(byActivity, now, InteractionSort.LAST_MESSAGE, row);
      rowsOf(byAccount, now.account()).addIfNotLast(row);
    } else {
      row = kept.viewRow;
      if (!SortKey.timeOf(old, InteractionSort.LAST_MESSAGE)
          .equals(SortKey.timeOf(now, InteractionSort.LAST_MESSAGE))) {
        remove(byActivity, old, InteractionSort.LAST_MESSAGE);
        add(byActivity, now, InteractionSort.LAST_MESSAGE, row);
      }
      if (!old.startedAt().equals(now.startedAt())) {
        remove(byStart, old, InteractionSort.STARTED);
        add(byStart, now, InteractionSort.STARTED, row);
      }
    }
    // Most updates change neither the first agent nor the tags: skip their maps then.
    if (old == null || !old.firstAgent().equals(now.firstAgent())) {
      if (old != null && old.firstAgent().isPresent()) {
        byFirstAgent.get(old.firstAgent().get()).remove(row);
      }
      if (now.firstAgent().isPresent()) {
        rowsOf(byFirstAgent, now.firstAgent().get()).addIfNotLast(row);
      }
    }
    if (old == null || !old.tags().equals(now.tags())) {
      for (Tag t : old == null ? Set.<Tag>of() : old.tags()) {
        if (!now.tags().contains(t)) {
          byTag.get(t).remove(row);
        }
      }
      for (Tag t : now.tags()) {
        if (old == null || !old.tags().contains(t)) {
          rowsOf(byTag, t).addIfNotLast(row);
        }
      }
    }
    rows[row] = kept;
    startSeconds[row] = now.startedAt().getEpochSecond();
    startNanos[row] = now.startedAt().getNano();
    if (now.status() == InteractionStatus.CLOSED) {
      closed.set(row);
    } else if (old != null && old.status() == InteractionStatus.CLOSED) {
      closed.clear(row);
    }
    // Only on change: clearing a bit makes a BitSet look for its highest word again.
    if (old == null ? now.read() : old.read() != now.read()) {
      read.set(row, now.read());
    }
  }

  void message(Message old, Message now) {
    int row = rowOf.applyAsInt(now.interaction());
    if (row >= 0) {
      text.message(old, now, row);
    }
  }

  void contact(Contact old, Contact now) {
    text.contact(old, now);
  }

  /**
   * Answers a query on the committed rows, as {@code InteractionRepository.query} defines it.
   *
   * @param contactOf a row's contact, for advanced criteria on it
   * @param messagesOf a row's messages, for advanced criteria on them
   */
  InteractionSlice query(InteractionQuery query, Function<Interaction, Contact> contactOf,
      Function<Interaction, List<Message>> messagesOf) {
    BitSet matches = candidates(query);
    if (query.startedFrom().isPresent() || query.startedBefore().isPresent()) {
      keepStartedInRange(query, matches);
    }
    QueryMatcher matcher = new QueryMatcher(query, contactOf, messagesOf);
    BitSet recheckText = query.textWords().isEmpty() ? new BitSet() : text.changedText();
    if (query.advanced().isPresent() || recheckText.intersects(matches)) {
      for (int r = matches.nextSetBit(0); r >= 0; r = matches.nextSetBit(r + 1)) {
        Interaction i = row(r);
        boolean keep = matcher.matchesAdvanced(i) && (!recheckText.get(r) || matcher.matchesText(i));
        if (!keep) {
          matches.clear(r);
        }
      }
    }
    int total = matches.cardinality();
    if (total == 0) {
      return new InteractionSlice(List.of(), false, 0);
    }
    Key after = query.after().map(c -> probe(c.position())).orElse(null);
    int wanted = query.pageSize() + 1; // one more tells whether more follow
    TimeOrder order = query.sort() == InteractionSort.STARTED ? byStart : byActivity;
    // Walking the order visits about pageSize * size / total keys; picking visits every match.
    List<Key> page = (long) wanted * size / total <= total
        ? walk(order, after, matches, wanted) : pick(query.sort(), after, matches, wanted);
    boolean more = page.size() == wanted;
    List<Interaction> result = new ArrayList<>(Math.min(page.size(), query.pageSize()));
    for (int k = 0; k < page.size() && k < query.pageSize(); k++) {
      result.add(row(page.get(k).row()));
    }
    return new InteractionSlice(result, more, total);
  }

  /** The rows the bit-set filters and the text index leave; a fresh set the caller may change. */
  private BitSet candidates(InteractionQuery query) {
    List<BitSet> all = new ArrayList<>();
    List<BitSet> none = new ArrayList<>();
    query.status().ifPresent(s -> (s == InteractionStatus.CLOSED ? all : none).add(closed));
    query.read().ifPresent(r -> (r ? all : none).add(read));
    if (!query.accounts().isEmpty()) {
      all.add(union(byAccount, query.accounts()));
    }
    if (!query.agents().isEmpty()) {
      all.add(union(byFirstAgent, query.agents()));
    }
    if (!query.tags().isEmpty()) {
      if (query.tagMatch() == TagMatch.ANY) {
        all.add(union(byTag, query.tags()));
      } else {
        query.tags().forEach(t -> all.add(union(byTag, Set.of(t))));
      }
    }
    for (String word : query.textWords()) {
      all.add(text.rowsWithWordStarting(word, (contact, into) -> {
        for (InteractionId id : interactionsOfContact.apply(contact)) {
          int row = rowOf.applyAsInt(id);
          if (row >= 0) {
            into.set(row);
          }
        }
      }));
    }
    BitSet result;
    if (all.isEmpty()) {
      result = new BitSet(size);
      result.set(0, size);
    } else {
      all.sort(Comparator.comparingInt(BitSet::length)); // the shortest bounds the result
      result = (BitSet) all.get(0).clone();
      for (int k = 1; k < all.size(); k++) {
        result.and(all.get(k));
      }
    }
    none.forEach(result::andNot);
    return result;
  }

  private static <K> BitSet union(Map<K, IntList> lists, Iterable<K> keys) {
    BitSet union = new BitSet();
    for (K k : keys) {
      IntList rows = lists.get(k);
      if (rows != null) {
        rows.setAll(union);
      }
    }
    return union;
  }

  private static List<Key> walk(TimeOrder order, Key after, BitSet matches, int wanted) {
    List<Key> page = new ArrayList<>(wanted);
    PrimitiveIterator.OfInt rows = order.rows(after == null ? null : after.probe(), null);
    while (rows.hasNext()) {
      int row = rows.nextInt();
      if (matches.get(row)) {
        page.add(new Key(0, 0, null, row)); // only the row is read off a walked page
        if (page.size() == wanted) {
          break;
        }
      }
    }
    return page;
  }

  private List<Key> pick(InteractionSort sort, Key after, BitSet matches, int wanted) {
    // A heap whose head is the last of the best keys so far: a better key evicts it.
    PriorityQueue<Key> best = new PriorityQueue<>(wanted + 1, ORDER.reversed());
    for (int r = matches.nextSetBit(0); r >= 0; r = matches.nextSetBit(r + 1)) {
      Key k = key(rows[r], sort, r);
      if (after != null && ORDER.compare(k, after) <= 0) {
        continue;
      }
      best.add(k);
      if (best.size() > wanted) {
        best.poll();
      }
    }
    List<Key> page = new ArrayList<>(best);
    page.sort(ORDER);
    return page;
  }

  /**
   * Keeps the rows started in the query's range. The range is one stretch of the start order,
   * so when it (or what lies outside it) is small, walking it is cheapest; both are walked in
   * step until the shorter one ends, but only for a while: a range that splits the rows near
   * the middle is checked row by row instead.
   */
  private void keepStartedInRange(InteractionQuery query, BitSet matches) {
    Key newest = query.startedBefore().map(InteractionIndex::bound).orElse(null);
    Key oldest = query.startedFrom().map(InteractionIndex::bound).orElse(null);
    TimeOrder.Probe newestBound = newest == null ? null : newest.probe();
    TimeOrder.Probe oldestBound = oldest == null ? null : oldest.probe();
    PrimitiveIterator.OfInt in = byStart.rows(newestBound, oldestBound);
    PrimitiveIterator.OfInt newer = newest == null ? NO_ROWS : byStart.rows(null, newestBound);
    PrimitiveIterator.OfInt older = oldest == null ? NO_ROWS : byStart.rows(oldestBound, null);
    BitSet inRows = new BitSet();
    BitSet outRows = new BitSet();
    for (int step = 0; step < size / 8 + 16; step++) {
      if (!in.hasNext()) {
        matches.and(inRows);
        return;
      }
      inRows.set(in.nextInt());
      PrimitiveIterator.OfInt out = newer.hasNext() ? newer : older;
      if (!out.hasNext()) {
        matches.andNot(outRows);
        return;
      }
      outRows.set(out.nextInt());
    }
    scanStartedInRange(query, matches);
  }

  /** A range bound: after every key of its time in the order, so "newer than" excludes the time. */
  private static Key bound(Instant at) {
    return new Key(at.getEpochSecond(), at.getNano(), null, -1);
  }

  private void scanStartedInRange(InteractionQuery query, BitSet matches) {
    Instant from = query.startedFrom().orElse(Instant.MIN);
    Instant before = query.startedBefore().orElse(Instant.MAX);
    long fromSecond = from.getEpochSecond();
    long beforeSecond = before.getEpochSecond();
    for (int r = matches.nextSetBit(0); r >= 0; r = matches.nextSetBit(r + 1)) {
      long second = startSeconds[r];
      boolean atOrAfterFrom = second > fromSecond
          || (second == fromSecond && startNanos[r] >= from.getNano());
      boolean beforeEnd = second < beforeSecond
          || (second == beforeSecond && startNanos[r] < before.getNano());
      if (!atOrAfterFrom || !beforeEnd) {
        matches.clear(r);
      }
    }
  }

  private static void add(TimeOrder order, Interaction i, InteractionSort sort, int row) {
    Instant at = SortKey.timeOf(i, sort);
    order.add(at.getEpochSecond(), at.getNano(), i.id(), row);
  }

  private static void remove(TimeOrder order, Interaction i, InteractionSort sort) {
    Instant at = SortKey.timeOf(i, sort);
    order.remove(at.getEpochSecond(), at.getNano(), i.id());
  }

  /** Row {@code r} as a record. */
  private Interaction row(int r) {
    return rows[r].interaction();
  }

  /** A row's key, read off what is kept without making a record of a packed row. */
  private static Key key(KeptInteraction kept, InteractionSort sort, int row) {
    if (kept instanceof StoredInteraction stored) {
      return new Key(stored.sortSecond(sort), stored.sortNano(sort), stored.id(), row);
    }
    Interaction i = kept.interaction();
    Instant at = SortKey.timeOf(i, sort);
    return new Key(at.getEpochSecond(), at.getNano(), i.id(), row);
  }

  private static Key probe(SortKey position) {
    return new Key(position.at().getEpochSecond(), position.at().getNano(), position.id(), -1);
  }

  private static <K> IntList rowsOf(Map<K, IntList> lists, K key) {
    return lists.computeIfAbsent(key, k -> new IntList());
  }
}
