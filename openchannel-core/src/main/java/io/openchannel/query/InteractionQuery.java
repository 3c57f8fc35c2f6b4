package io.openchannel.query;

import io.openchannel.InvalidInputException;
import io.openchannel.account.AccountId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.Tag;
import io.openchannel.internal.util.Checks;
import io.openchannel.routing.AgentId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A request for one page of the interactions view (S15–S18): filters, free-text search, advanced
 * search, order, page size and where to continue. Every filter that is set must hold (AND); an
 * unset filter lets everything through. Built with {@link #builder()}; immutable and thread-safe.
 *
 * <ul>
 *   <li>{@code startedFrom} (inclusive) and {@code startedBefore} (exclusive): the start time;
 *   <li>{@code read}: the read flag; {@code status}: open or closed;
 *   <li>{@code accounts}: the account is one of them; {@code agents}: the first agent who
 *       managed it (S17) is one of them;
 *   <li>{@code tags} with {@link TagMatch}: has any, or all, of them;
 *   <li>{@code text}: free-text search, matched as {@link SearchText} says;
 *   <li>{@code advanced}: {@link AdvancedSearch} criteria.
 * </ul>
 *
 * <p><b>Pages and cursors.</b> Rows come in {@link InteractionSort} order, newest first, ties
 * by id. A page's {@link Page#next()} cursor continues after its last row. A <em>scan</em> is
 * the pages read by following cursors from a first page. While a scan runs, new interactions
 * may arrive, messages may move rows up, tags may change; what a scan guarantees:
 * <ol>
 *   <li>no interaction is shown twice, and rows come in strictly descending order across pages
 *       (sort times only grow: a message moves a row up, never down);
 *   <li>each row matched the query when its page was read;
 *   <li>an interaction that matches from the scan's first page to its last and whose sort time
 *       does not change is shown exactly once;
 *   <li>an interaction whose sort time changes mid-scan (a new message with
 *       {@link InteractionSort#LAST_MESSAGE}) is shown at most once: before the change if its old
 *       place was reached first, else not in this scan, since it moved above the cursor; the
 *       next first page shows it on top. Interactions that start during a scan likewise sort
 *       above the cursor and belong to the next first page.
 * </ol>
 * With {@link InteractionSort#STARTED} sort times never change, so (4) concerns only new
 * interactions.
 *
 * <p>{@link Page#total()} counts every interaction that matches the filters (not only those
 * after the cursor), read in the same snapshot as the page. Counting is exact up to
 * {@link #exactTotalUpTo()} matches ({@value #DEFAULT_EXACT_TOTAL_UP_TO} unless the builder says
 * otherwise); past it a store may stop counting, and the page then says "more than that"
 * ({@link Page#totalIsExact()} false), because an exact count costs as much as reading every
 * match and a database cannot answer it in tens of milliseconds over millions of rows.
 */
public final class InteractionQuery {
  /** Rows per page unless {@link Builder#pageSize} says otherwise. */
  public static final int DEFAULT_PAGE_SIZE = 50;
  /** The largest page. */
  public static final int MAX_PAGE_SIZE = 500;
  /** The longest free-text search, in UTF-16 units. */
  public static final int MAX_TEXT_LENGTH = 256;
  /** Totals are exact up to this many matches unless {@link Builder#exactTotalUpTo} says so. */
  public static final long DEFAULT_EXACT_TOTAL_UP_TO = 1_000;

  private final Optional<Instant> startedFrom;
  private final Optional<Instant> startedBefore;
  private final Optional<Boolean> read;
  private final Optional<InteractionStatus> status;
  private final SortedSet<AccountId> accounts;
  private final SortedSet<AgentId> agents;
  private final SortedSet<Tag> tags;
  private final TagMatch tagMatch;
  private final Optional<String> text;
  private final List<String> textWords;
  private final Optional<AdvancedSearch> advanced;
  private final InteractionSort sort;
  private final int pageSize;
  private final long exactTotalUpTo;
  private final Optional<Cursor> after;
  private final String fingerprint;

  private InteractionQuery(Builder b) {
    startedFrom = Optional.ofNullable(b.startedFrom);
    startedBefore = Optional.ofNullable(b.startedBefore);
    read = Optional.ofNullable(b.read);
    status = Optional.ofNullable(b.status);
    accounts = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(b.accounts));
    agents = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(b.agents));
    tags = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(b.tags));
    tagMatch = b.tagMatch;
    text = Optional.ofNullable(b.text);
    textWords = text.map(SearchText::queryWords).orElse(List.of());
    advanced = Optional.ofNullable(b.advanced);
    sort = b.sort;
    pageSize = b.pageSize;
    exactTotalUpTo = b.exactTotalUpTo;
    after = Optional.ofNullable(b.after);
    fingerprint = computeFingerprint();
  }

  /** A builder for a query with no filter, default order and page size. */
  public static Builder builder() {
    return new Builder();
  }

  /** The first page of everything, newest activity first. */
  public static InteractionQuery all() {
    return builder().build();
  }

  /** Start time at or after this, if set. */
  public Optional<Instant> startedFrom() {
    return startedFrom;
  }

  /** Start time strictly before this, if set. */
  public Optional<Instant> startedBefore() {
    return startedBefore;
  }

  /** The read flag to match, if set. */
  public Optional<Boolean> read() {
    return read;
  }

  /** The status to match, if set. */
  public Optional<InteractionStatus> status() {
    return status;
  }

  /** The accounts to match (any of them); empty: any account. */
  public SortedSet<AccountId> accounts() {
    return accounts;
  }

  /** The first agents to match (any of them); empty: any, including none. */
  public SortedSet<AgentId> agents() {
    return agents;
  }

  /** The tags to match as {@link #tagMatch()} says; empty: any tags, including none. */
  public SortedSet<Tag> tags() {
    return tags;
  }

  /** Whether any or all of {@link #tags()} must be present. */
  public TagMatch tagMatch() {
    return tagMatch;
  }

  /** The free-text search as typed, if any. */
  public Optional<String> text() {
    return text;
  }

  /** The free-text search cut into {@link SearchText#queryWords words}; empty without search. */
  public List<String> textWords() {
    return textWords;
  }

  /** The advanced search, if any. */
  public Optional<AdvancedSearch> advanced() {
    return advanced;
  }

  /** The order. */
  public InteractionSort sort() {
    return sort;
  }

  /** At most this many rows per page. */
  public int pageSize() {
    return pageSize;
  }

  /**
   * Up to how many matches the total must be exact: a store counts at least this far, and may
   * report "more than this" ({@link Page#totalIsExact()} false) when more match.
   * {@link Long#MAX_VALUE}: always exact.
   */
  public long exactTotalUpTo() {
    return exactTotalUpTo;
  }

  /** Where this page starts; empty for the first page. */
  public Optional<Cursor> after() {
    return after;
  }

  /**
   * A fingerprint of everything but the page size, the counting limit and cursor: two queries with the same
   * fingerprint select and order the same rows.
   */
  public String fingerprint() {
    return fingerprint;
  }

  private String computeFingerprint() {
    StringBuilder sb = new StringBuilder("q1");
    part(sb, sort.name());
    part(sb, startedFrom.map(Instant::toString).orElse("-"));
    part(sb, startedBefore.map(Instant::toString).orElse("-"));
    part(sb, read.map(String::valueOf).orElse("-"));
    part(sb, status.map(Enum::name).orElse("-"));
    sb.append("|a").append(accounts.size());
    accounts.forEach(a -> part(sb, a.value()));
    sb.append("|g").append(agents.size());
    agents.forEach(a -> part(sb, a.value()));
    sb.append("|t").append(tags.size()).append(tagMatch);
    tags.forEach(t -> part(sb, t.name()));
    sb.append("|w").append(textWords.size());
    textWords.forEach(w -> part(sb, w));
    advanced.ifPresent(adv -> {
      sb.append("|v").append(adv.join()).append(adv.criteria().size());
      adv.criteria().forEach(c -> {
        part(sb, c.field().name());
        part(sb, c.operator().name());
        sb.append('#').append(c.values().size());
        c.values().forEach(v -> part(sb, v));
      });
    });
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static void part(StringBuilder sb, String value) {
    sb.append('|').append(value.length()).append(':').append(value); // length-prefixed: no escaping
  }

  /** A builder of the query with the same filters and order, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.startedFrom = startedFrom.orElse(null);
    b.startedBefore = startedBefore.orElse(null);
    b.read = read.orElse(null);
    b.status = status.orElse(null);
    b.accounts.addAll(accounts);
    b.agents.addAll(agents);
    b.tags.addAll(tags);
    b.tagMatch = tagMatch;
    b.text = text.orElse(null);
    b.advanced = advanced.orElse(null);
    b.sort = sort;
    b.pageSize = pageSize;
    b.exactTotalUpTo = exactTotalUpTo;
    b.after = after.orElse(null);
    return b;
  }

  /** The same query continuing after {@code cursor} (checked as {@link Builder#after} does). */
  public InteractionQuery after(Cursor cursor) {
    return toBuilder().after(cursor).build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InteractionQuery q && q.fingerprint.equals(fingerprint)
        && q.pageSize == pageSize && q.exactTotalUpTo == exactTotalUpTo && q.after.equals(after);
  }

  @Override
  public int hashCode() {
    return (fingerprint.hashCode() * 31 + pageSize) * 31 + Long.hashCode(exactTotalUpTo);
  }

  @Override
  public String toString() {
    return "InteractionQuery[sort=" + sort + ", from=" + startedFrom.orElse(null) + ", before="
        + startedBefore.orElse(null) + ", read=" + read.orElse(null) + ", status="
        + status.orElse(null) + ", accounts=" + accounts + ", agents=" + agents + ", tags="
        + tagMatch + tags + ", text=" + text.orElse(null) + ", advanced=" + advanced.orElse(null)
        + ", pageSize=" + pageSize + ", exactTotalUpTo=" + exactTotalUpTo + ", after=" + after.orElse(null) + "]";
  }

  /** Builds an {@link InteractionQuery}; every setter checks its argument. Not thread-safe. */
  public static final class Builder {
    private Instant startedFrom;
    private Instant startedBefore;
    private Boolean read;
    private InteractionStatus status;
    private final Set<AccountId> accounts = new TreeSet<>();
    private final Set<AgentId> agents = new TreeSet<>();
    private final Set<Tag> tags = new TreeSet<>();
    private TagMatch tagMatch = TagMatch.ANY;
    private String text;
    private AdvancedSearch advanced;
    private InteractionSort sort = InteractionSort.LAST_MESSAGE;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private long exactTotalUpTo = DEFAULT_EXACT_TOTAL_UP_TO;
    private Cursor after;

    private Builder() {}

    /** Started at or after {@code from}. */
    public Builder startedFrom(Instant from) {
      startedFrom = Checks.notNull(from, "startedFrom");
      return this;
    }

    /** Started strictly before {@code before}. */
    public Builder startedBefore(Instant before) {
      startedBefore = Checks.notNull(before, "startedBefore");
      return this;
    }

    /** Started in {@code [from, before)}. */
    public Builder startedBetween(Instant from, Instant before) {
      return startedFrom(from).startedBefore(before);
    }

    /** Read ({@code true}) or unread ({@code false}) only. */
    public Builder read(boolean isRead) {
      read = isRead;
      return this;
    }

    /** Open or closed only. */
    public Builder status(InteractionStatus wanted) {
      status = Checks.notNull(wanted, "status");
      return this;
    }

    /** On one of these accounts (added to any given before). */
    public Builder accounts(AccountId... ids) {
      return accounts(Arrays.asList(Checks.notNull(ids, "accounts")));
    }

    /** On one of these accounts (added to any given before). */
    public Builder accounts(Collection<AccountId> ids) {
      Checks.notNull(ids, "accounts").forEach(a -> accounts.add(Checks.notNull(a, "account")));
      return this;
    }

    /** First managed by one of these agents (added to any given before). */
    public Builder agents(AgentId... ids) {
      Arrays.asList(Checks.notNull(ids, "agents")).forEach(a -> agents.add(Checks.notNull(a, "agent")));
      return this;
    }

    /** Has at least one of these tags. */
    public Builder anyTag(Tag... wanted) {
      return tags(TagMatch.ANY, Arrays.asList(Checks.notNull(wanted, "tags")));
    }

    /** Has every one of these tags. */
    public Builder allTags(Tag... wanted) {
      return tags(TagMatch.ALL, Arrays.asList(Checks.notNull(wanted, "tags")));
    }

    /** Has any or all ({@code match}) of these tags; replaces the tags given before. */
    public Builder tags(TagMatch match, Collection<Tag> wanted) {
      tagMatch = Checks.notNull(match, "tagMatch");
      tags.clear();
      Checks.notNull(wanted, "tags").forEach(t -> tags.add(Checks.notNull(t, "tag")));
      return this;
    }

    /** Free-text search (see {@link SearchText}); blank clears it. */
    public Builder text(String search) {
      Checks.notNull(search, "text");
      if (search.isBlank()) {
        text = null;
        return this;
      }
      Checks.text(search, "search text", false);
      Checks.check(search.length() <= MAX_TEXT_LENGTH, () -> "search text is " + search.length()
          + " characters long; at most " + MAX_TEXT_LENGTH + " are allowed");
      Checks.check(!SearchText.queryWords(search).isEmpty(), () -> "search text "
          + Checks.quote(search) + " has no letter, digit or symbol to look for");
      text = search.strip();
      return this;
    }

    /** Advanced search criteria, combined with the other filters by AND. */
    public Builder advanced(AdvancedSearch search) {
      advanced = Checks.notNull(search, "advanced");
      return this;
    }

    /** The order (default {@link InteractionSort#LAST_MESSAGE}). */
    public Builder sort(InteractionSort order) {
      sort = Checks.notNull(order, "sort");
      return this;
    }

    /** Rows per page, 1 to {@value #MAX_PAGE_SIZE} (default {@value #DEFAULT_PAGE_SIZE}). */
    public Builder pageSize(int size) {
      if (size < 1 || size > MAX_PAGE_SIZE) {
        throw new InvalidInputException("page size must be 1 to " + MAX_PAGE_SIZE + ", got " + size);
      }
      pageSize = size;
      return this;
    }

    /**
     * Count the total exactly up to {@code max} matches (default
     * {@value #DEFAULT_EXACT_TOTAL_UP_TO}); past it the page may say "more than {@code max}".
     * {@link Long#MAX_VALUE} asks for an exact total always, which on a database costs a read
     * of every match. Cursors stay valid whatever the limit.
     *
     * @throws InvalidInputException if {@code max} is below 1
     */
    public Builder exactTotalUpTo(long max) {
      if (max < 1) {
        throw new InvalidInputException("exactTotalUpTo must be at least 1 (Long.MAX_VALUE for "
            + "an exact total always), got " + max);
      }
      exactTotalUpTo = max;
      return this;
    }

    /** Continue after the previous page's {@link Page#next()} cursor. */
    public Builder after(Cursor cursor) {
      after = Checks.notNull(cursor, "cursor");
      return this;
    }

    /** Continue after a cursor in its string form; {@link Cursor#parse} checks it. */
    public Builder after(String cursor) {
      return after(Cursor.parse(cursor));
    }

    /**
     * The query.
     *
     * @throws InvalidInputException if the start range is empty or inverted, or the cursor
     *     comes from a query with other filters or order
     */
    public InteractionQuery build() {
      if (startedFrom != null && startedBefore != null && !startedFrom.isBefore(startedBefore)) {
        throw new InvalidInputException("the start range is empty: startedFrom " + startedFrom
            + " is not before startedBefore " + startedBefore + "; swap them or widen the range");
      }
      InteractionQuery query = new InteractionQuery(this);
      if (after != null && !after.fingerprint().equals(query.fingerprint)) {
        throw new InvalidInputException("the cursor belongs to a query with other filters or "
            + "order; use cursors only with the query whose page gave them, or start from the "
            + "first page");
      }
      return query;
    }
  }
}
