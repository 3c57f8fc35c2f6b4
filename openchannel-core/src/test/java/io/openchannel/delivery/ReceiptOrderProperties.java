package io.openchannel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.interaction.InteractionId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import io.openchannel.spi.channel.DeliveryReceipt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

class ReceiptOrderProperties {
  private static final List<DeliveryStatus> RECEIPTS =
      List.of(DeliveryStatus.DELIVERED, DeliveryStatus.READ, DeliveryStatus.FAILED);

  /**
   * Any order of any receipts gives the status that the same receipts give in their natural
   * order: progress is monotonic, so order does not matter.
   */
  @Property(tries = 200)
  void anyOrderOfReceiptsGivesTheSameFinalStatus(
      @ForAll("receipts") List<Tuple2<Integer, DeliveryStatus>> receipts) {
    List<Tuple2<Integer, DeliveryStatus>> sorted = new ArrayList<>(receipts);
    sorted.sort(Comparator.comparing((Tuple2<Integer, DeliveryStatus> t) -> t.get2().ordinal()));

    assertThat(finalStatuses(receipts)).isEqualTo(finalStatuses(sorted));
  }

  @Provide
  Arbitrary<List<Tuple2<Integer, DeliveryStatus>>> receipts() {
    return Arbitraries.integers().between(0, 2)
        .flatMap(i -> Arbitraries.of(RECEIPTS).map(s -> Tuple.of(i, s)))
        .list().ofMaxSize(12);
  }

  private static List<DeliveryStatus> finalStatuses(List<Tuple2<Integer, DeliveryStatus>> receipts) {
    DeliveryFixture f = new DeliveryFixture();
    InteractionId chat = f.conversationWith("42");
    List<Message> sent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sent.add(f.ann().sendText(chat, "m" + i));
    }
    f.scheduler.runDue();
    for (Tuple2<Integer, DeliveryStatus> r : receipts) {
      String cid = f.message(sent.get(r.get1()).id()).channelMessageId().orElseThrow();
      f.oc.applyReceipt(DeliveryFixture.TG, DeliveryReceipt.of("42", r.get2(), f.scheduler.clock().instant(), cid));
    }
    return sent.stream().map(m -> f.status(m.id())).toList();
  }
}
