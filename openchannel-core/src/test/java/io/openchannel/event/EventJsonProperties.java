package io.openchannel.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.AccountId;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Any well-formed Unicode text survives the JSON form byte for byte. */
class EventJsonProperties {
  private static final Instant AT = Instant.parse("2024-05-06T07:08:09Z");

  @Property(tries = 500)
  void anyWellFormedTextRoundTripsByteForByte(@ForAll("unicodeText") String text) {
    Message message = new Message(MessageId.of("m"), InteractionId.of("i"), AccountId.of("a"),
        Direction.OUT, MessageKind.NOTE, text, Optional.empty(), Optional.empty(), false, false,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), AT, 0);
    for (OpenChannelEvent event : new OpenChannelEvent[] {
        new MessageAdded(AT, InteractionId.of("i"), message),
        new ContactCreated(AT, ContactId.of("c"), AccountId.of("a"), text)}) {
      byte[] wire = EventJson.toJson(event).getBytes(StandardCharsets.UTF_8);
      OpenChannelEvent back = EventJson.fromJson(new String(wire, StandardCharsets.UTF_8));
      assertThat(back).isEqualTo(event);
      String textBack = back instanceof MessageAdded m ? m.message().text()
          : ((ContactCreated) back).displayName();
      assertThat(textBack.getBytes(StandardCharsets.UTF_8))
          .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Non-blank strings of code points from every plane (no lone surrogates: not valid text). */
  @Provide
  Arbitrary<String> unicodeText() {
    Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(0, 0x7F)),
        Tuple.of(3, Arbitraries.integers().between(0x80, 0xFFFF)),
        Tuple.of(2, Arbitraries.integers().between(0x1_0000, 0x10_FFFF)))
        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
    return codePoint.list().ofMinSize(1).ofMaxSize(40)
        .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()))
        .filter(s -> !s.isBlank());
  }
}
