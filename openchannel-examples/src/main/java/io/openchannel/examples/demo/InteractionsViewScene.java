package io.openchannel.examples.demo;

import io.openchannel.OpenChannel;
import io.openchannel.examples.terminal.Columns;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.query.AdvancedSearch;
import io.openchannel.query.Criterion;
import io.openchannel.query.InteractionQuery;
import io.openchannel.query.InteractionRow;
import io.openchannel.query.InteractionSort;
import io.openchannel.query.Page;
import java.util.stream.Collectors;

/**
 * The last step: the interactions view a supervisor opens at the end of the day (S15–S19, S24),
 * filtered two ways, then free-text and advanced search (S18). Everything comes from
 * {@code oc.interactions().query(...)}, one page at a time with a cursor for the next.
 */
final class InteractionsViewScene {
  private static final String ROW = "%-13s  %-11s  %-15s  %-6s  %-30s  %-6s  %s";

  private final OpenChannel oc;
  private final Narrator say;

  InteractionsViewScene(OpenChannel oc, Narrator say) {
    this.oc = oc;
    this.say = say;
  }

  void run() {
    say.section("The interactions view, filtered and searched", "oc.interactions().query(…)");
    say.say("A supervisor opens the interactions view: every interaction, newest activity first,"
        + " a page at a time.");

    InteractionQuery open = InteractionQuery.builder().status(InteractionStatus.OPEN).pageSize(3)
        .build();
    Page<InteractionRow> first = show("Open interactions, latest activity first, three a page:",
        open, ".status(OPEN).pageSize(3)");
    first.next().ifPresent(cursor -> show("The next page, from the cursor (new interactions"
        + " arriving meanwhile would not shift it):", open.after(cursor), "…after(cursor)"));
    show("Closed interactions Ann managed first, newest start first, with close time and"
            + " disposition (S17, S24):",
        InteractionQuery.builder().status(InteractionStatus.CLOSED).agents(ContactCenter.ANN)
            .sort(InteractionSort.STARTED).build(),
        ".status(CLOSED).agents(ann).sort(STARTED)");
    show("Search for \"PARCEL 📦\": case, accents and emoji are fine (S18):",
        InteractionQuery.builder().text("PARCEL 📦").build(), ".text(\"PARCEL 📦\")");
    show("Advanced search: contactName contains \"noah\" OR messageText contains \"order 45\":",
        InteractionQuery.builder().advanced(AdvancedSearch.any(
            Criterion.of("contactName", "CONTAINS", "noah"),
            Criterion.of("messageText", "CONTAINS", "order 45"))).build(),
        ".advanced(AdvancedSearch.any(…))");
  }

  private Page<InteractionRow> show(String title, InteractionQuery query, String code) {
    Page<InteractionRow> page = oc.interactions().query(query);
    say.blank();
    say.say(title);
    say.more("InteractionQuery.builder()" + code + ".build()");
    say.header(String.format(ROW, "last activity", "contact", "account", "status",
        "last message", "agent", "new"));
    for (InteractionRow row : page.rows()) {
      say.row(String.format(ROW, Narrator.time(row.lastMessage()
              .map(m -> m.at()).orElse(row.interaction().startedAt())),
          Columns.shorten(row.contact().displayName(), 11),
          Columns.shorten(row.account().id().value(), 15),
          row.status() == InteractionStatus.OPEN ? "open" : "closed",
          row.lastMessage().map(m -> Columns.pad(Narrator.arrow(m.direction()), 6)
              + Narrator.quote(m.preview(), 24)).orElse("none"),
          row.interaction().firstAgent().map(a -> a.value()).orElse("—"),
          row.unmanagedInConversation()));
      String tags = row.tags().isEmpty() ? ""
          : "tags " + row.tags().stream().map(t -> t.name()).collect(Collectors.joining(", "));
      String closed = row.closedAt().map(at -> "closed " + Narrator.time(at)
          + row.disposition().map(d -> ", disposed as \"" + oc.dispositions().path(d.id()) + "\"")
              .orElse(", no disposition")).orElse("");
      String detail = String.join("; ", java.util.stream.Stream.of(closed, tags)
          .filter(x -> !x.isEmpty()).toList());
      if (!detail.isEmpty()) {
        say.row(String.format("%-13s  %s", "", detail));
      }
    }
    // The cursor's text holds an interaction id, which differs from run to run: not printed.
    // Past the query's exactTotalUpTo a store may stop counting: "more than N" then.
    say.more(page.rows().size() + " of " + (page.totalIsExact() ? "" : "more than ")
        + page.total() + " matching"
        + (page.next().isPresent() ? "; page.next() holds the cursor for the next page" : ""));
    return page;
  }
}
