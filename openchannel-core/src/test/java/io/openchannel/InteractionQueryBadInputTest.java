package io.openchannel;

import static io.openchannel.EngineFixture.FB;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.account.AccountId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.Tag;
import io.openchannel.query.AdvancedSearch;
import io.openchannel.query.Criterion;
import io.openchannel.query.InteractionQuery;
import io.openchannel.query.InteractionSort;
import io.openchannel.query.Page;
import io.openchannel.query.InteractionRow;
import io.openchannel.routing.AgentId;
import java.time.Instant;
import java.time.Duration;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every bad query is an {@link InvalidInputException} that says what to fix, never an empty page. */
class InteractionQueryBadInputTest {
  private final EngineFixture f = new EngineFixture(
      OpenChannel.builder().tags(Set.of(Tag.of("vip"), Tag.of("late"))));

  private static void refused(ThrowingCallable call, String... fragments) {
    assertThatThrownBy(call).isInstanceOf(InvalidInputException.class)
        .hasMessageContainingAll(fragments);
  }

  @Test
  void anInvertedOrEmptyStartRangeIsRefused() {
    Instant t = Instant.parse("2026-11-24T09:00:00Z");

    refused(() -> InteractionQuery.builder().startedBetween(t, t.minusSeconds(1)).build(),
        "start range is empty", "swap");
    refused(() -> InteractionQuery.builder().startedBetween(t, t).build(), "start range is empty");
  }

  @Test
  void pageSizesOutsideOneToTheMaximumAreRefused() {
    refused(() -> InteractionQuery.builder().pageSize(0), "page size must be 1 to 500, got 0");
    refused(() -> InteractionQuery.builder().pageSize(501), "got 501");
  }

  @Test
  void unknownAccountsAgentsAndTagsAreRefusedByTheView() {
    refused(() -> f.oc.interactions().query(InteractionQuery.builder()
        .accounts(AccountId.of("nope")).build()), "unknown account nope", "fb-shop");
    refused(() -> f.oc.interactions().query(InteractionQuery.builder()
        .agents(AgentId.of("nobody")).build()), "unknown agent nobody");
    refused(() -> f.oc.interactions().query(InteractionQuery.builder()
        .anyTag(Tag.of("urgent")).build()), "unknown tag urgent", "late, vip");
    refused(() -> f.oc.interactions().query(InteractionQuery.builder()
        .advanced(AdvancedSearch.all(Criterion.of("tag", "EQUALS", "urgent"))).build()),
        "unknown tag urgent");
  }

  @Test
  void malformedCursorsAreRefused() {
    refused(() -> InteractionQuery.builder().after("not a cursor!"), "malformed cursor");
    refused(() -> InteractionQuery.builder().after("YWJj"), "malformed cursor");
    refused(() -> InteractionQuery.builder().after(""), "malformed cursor");
  }

  @Test
  void aCursorFromAnotherQueryIsRefused() {
    for (int i = 0; i < 3; i++) {
      f.customerWrites(FB, "s" + i, "hello " + i);
      f.clock.advance(Duration.ofSeconds(1));
    }
    InteractionQuery open = InteractionQuery.builder().status(InteractionStatus.OPEN).pageSize(1)
        .build();
    Page<InteractionRow> page = f.oc.interactions().query(open);

    refused(() -> InteractionQuery.builder().after(page.nextCursor()).build(), "other filters");
    refused(() -> open.toBuilder().sort(InteractionSort.STARTED).after(page.nextCursor()).build(),
        "other filters");
    InteractionQuery.builder().status(InteractionStatus.OPEN).pageSize(2)
        .after(page.nextCursor()).build(); // another page size is the same scan
  }

  @Test
  void searchTextWithNothingToLookForIsRefused() {
    refused(() -> InteractionQuery.builder().text("?!  ..."), "no letter, digit or symbol");
    refused(() -> InteractionQuery.builder().text("x".repeat(257)), "at most 256");
  }

  @Test
  void unknownFieldsAndUnfitOperatorsNameTheValidOnes() {
    refused(() -> Criterion.of("colour", "EQUALS", "red"), "unknown search field \"colour\"",
        "status, read, account, agent", "messageText");
    refused(() -> Criterion.of("startedAt", "CONTAINS", "2026"), "CONTAINS does not fit",
        "startedAt", "BEFORE, AFTER");
    refused(() -> Criterion.of("status", "LIKE", "OPEN"), "unknown operator", "EQUALS, NOT_EQUALS, IN");
  }

  @Test
  void valuesMustFitTheFieldAndTheOperator() {
    refused(() -> Criterion.of("status", "EQUALS", "PENDING"), "OPEN, CLOSED");
    refused(() -> Criterion.of("read", "EQUALS", "yes"), "true or false");
    refused(() -> Criterion.of("closedAt", "BEFORE", "yesterday"), "ISO-8601");
    refused(() -> Criterion.of("tag", "PRESENT", "vip"), "takes no value");
    refused(() -> Criterion.of("account", "EQUALS", "a", "b"), "exactly one value");
    refused(() -> Criterion.of("account", "IN"), "one value or more");
    refused(AdvancedSearch::all, "1 to 20 criteria");
  }
}
