package io.openchannel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.interaction.InteractionId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.spi.channel.OutboundMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;

class FaultInjectionTest {
  /**
   * A platform failing 30 % of sends (half transient, half permanent): every message ends SENT or
   * FAILED, none is lost, none is sent twice, and each interaction's messages reach the platform
   * in the order they were written.
   */
  @RepeatedTest(5)
  void everyMessageEndsSentOrFailedAndNoneIsSentTwice(
      org.junit.jupiter.api.RepetitionInfo repetition) {
    DeliveryFixture f = new DeliveryFixture();
    f.platform.failRandomly(0.3, repetition.getCurrentRepetition());
    List<InteractionId> chats = new ArrayList<>();
    for (int c = 0; c < 10; c++) {
      chats.add(f.conversationWith("chat-" + c));
    }
    List<Message> written = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      written.add(f.ann().sendText(chats.get(i % chats.size()), "message " + i));
      if (i % 17 == 0) {
        f.scheduler.advance(Duration.ofSeconds(3));
      }
    }

    f.scheduler.advance(Duration.ofHours(2));

    Set<MessageId> sentIds = new HashSet<>();
    for (OutboundMessage m : f.platform.sent()) {
      assertThat(sentIds.add(m.id())).as("sent twice: " + m.id()).isTrue();
    }
    for (Message m : written) {
      DeliveryStatus status = f.status(m.id());
      assertThat(status).isIn(DeliveryStatus.SENT, DeliveryStatus.FAILED);
      assertThat(sentIds.contains(m.id())).isEqualTo(status == DeliveryStatus.SENT);
    }
    for (InteractionId chat : chats) {
      List<MessageId> order = written.stream().filter(m -> m.interaction().equals(chat))
          .map(Message::id).filter(sentIds::contains).toList();
      assertThat(f.platform.sent().stream().map(OutboundMessage::id).filter(order::contains).toList())
          .isEqualTo(order);
    }
  }
}
