package io.openchannel;

import static io.openchannel.EngineFixture.ANN;
import static io.openchannel.EngineFixture.BOB;
import static io.openchannel.EngineFixture.FB;
import static io.openchannel.EngineFixture.SMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.Tag;
import io.openchannel.message.Direction;
import io.openchannel.query.InteractionQuery;
import io.openchannel.query.InteractionRow;
import io.openchannel.query.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The interactions view through the facade: rows as the view shows them, pages, search. */
class InteractionViewTest {
  private final EngineFixture f = new EngineFixture();

  private Page<InteractionRow> query(InteractionQuery query) {
    return f.oc.interactions().query(query);
  }

  private InteractionRow onlyRow() {
    Page<InteractionRow> page = query(InteractionQuery.all());
    assertThat(page.rows()).hasSize(1);
    return page.rows().get(0);
  }

  @Test
  void aNewInteractionShowsItsContactAccountInboundLastMessageAndOneUnmanaged() {
    f.customerWrites(FB, "psid-mia", "Where is my parcel?");

    InteractionRow row = onlyRow();

    assertThat(row.contact().displayName()).isEqualTo("Mia Rossi");
    assertThat(row.account().id()).isEqualTo(FB);
    assertThat(row.lastMessage()).hasValueSatisfying(m -> {
      assertThat(m.direction()).isEqualTo(Direction.IN); // the auto-reply never counts (S16)
      assertThat(m.preview()).isEqualTo("Where is my parcel?");
    });
    assertThat(row.status()).isEqualTo(InteractionStatus.OPEN);
    assertThat(row.read()).isFalse();
    assertThat(row.unmanagedInConversation()).isEqualTo(1);
  }

  @Test
  void anAnsweredAndDisposedInteractionShowsItsReplyCloseTimeAndDisposition() {
    InteractionId id = f.openAssignedToAnn();
    f.oc.desk(ANN).sendText(id, "On its way");
    f.clock.advance(Duration.ofMinutes(5));
    f.oc.desk(ANN).closeAndDispose(id, DispositionId.of("sales-won"));

    InteractionRow row = onlyRow();

    assertThat(row.lastMessage().orElseThrow().direction()).isEqualTo(Direction.OUT);
    assertThat(row.status()).isEqualTo(InteractionStatus.CLOSED);
    assertThat(row.closedAt()).contains(f.clock.instant());
    assertThat(row.disposition().orElseThrow().name()).isEqualTo("Order placed");
    assertThat(row.unmanagedInConversation()).isZero();
  }

  @Test
  void theAgentFilterKeepsTheFirstAgentAfterAReassignment() {
    InteractionId id = f.openAssignedToAnn();
    f.oc.assign(id, BOB);

    assertThat(query(InteractionQuery.builder().agents(ANN).build()).total()).isEqualTo(1);
    assertThat(query(InteractionQuery.builder().agents(BOB).build()).total()).isZero();
  }

  @Test
  void cursorsInStringFormWalkEveryPageOnce() {
    for (int i = 0; i < 7; i++) {
      f.customerWrites(i % 2 == 0 ? FB : SMS, "sender-" + i, "Message " + i);
      f.clock.advance(Duration.ofSeconds(1));
    }
    InteractionQuery first = InteractionQuery.builder().pageSize(3).build();

    List<InteractionId> seen = new ArrayList<>();
    List<Long> totals = new ArrayList<>();
    Page<InteractionRow> page = query(first);
    while (true) {
      page.rows().forEach(r -> seen.add(r.interaction().id()));
      totals.add(page.total());
      if (page.nextCursor() == null) {
        break;
      }
      page = query(first.toBuilder().after(page.nextCursor()).build());
    }

    assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    assertThat(totals).containsExactly(7L, 7L, 7L);
  }

  @Test
  void searchFindsTheCustomersWordsAndTagsFilterTheView() {
    InteractionId parcel = f.customerWrites(FB, "psid-1", "Mi paquete no llegó").interaction().id();
    f.customerWrites(SMS, "sms-2", "Can I change my address?");
    f.oc.assign(parcel, ANN);
    f.oc.desk(ANN).addTags(parcel, Set.of(Tag.of("late")));

    Page<InteractionRow> hit = query(InteractionQuery.builder().text("LLEGO paq").build());
    Page<InteractionRow> tagged = query(InteractionQuery.builder().anyTag(Tag.of("late")).build());

    assertThat(hit.rows()).extracting(r -> r.interaction().id()).containsExactly(parcel);
    assertThat(tagged.rows()).extracting(r -> r.interaction().id()).containsExactly(parcel);
    assertThat(hit.next()).isEmpty();
  }
}
