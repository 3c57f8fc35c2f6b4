package io.openchannel.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.store.BlobStore;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link PackedId} packs exactly the ids it says it packs, and gives each back unchanged. */
class PackedIdTest {
  private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuv";

  @Provide
  Arbitrary<String> packableIds() {
    Arbitrary<Character> digit = Arbitraries.of(ALPHABET.toCharArray());
    Arbitrary<Character> top = Arbitraries.of(ALPHABET.substring(0, 16).toCharArray());
    Arbitrary<String> half = net.jqwik.api.Combinators.combine(top,
        digit.list().ofSize(12)).as((t, rest) -> {
          StringBuilder sb = new StringBuilder().append(t);
          rest.forEach(sb::append);
          return sb.toString();
        });
    return net.jqwik.api.Combinators.combine(half, half).as(String::concat);
  }

  @Property(tries = 500)
  void aPackableIdComesBackUnchanged(@ForAll("packableIds") String id) {
    assertThat(PackedId.packable(id)).isTrue();
    long high = PackedId.high(id);
    long low = PackedId.low(id);
    assertThat(PackedId.unpack(high, low)).isEqualTo(id);
    assertThat(PackedId.is(id, high, low)).isTrue();
    assertThat(PackedId.is(id, high, low + 1)).isFalse();
    assertThat(PackedId.is(id, high ^ Long.MIN_VALUE, low)).isFalse();
  }

  @Property(tries = 300)
  void anyOtherTextIsNotPackable(@ForAll("packableIds") String id,
      @ForAll("spoilers") int at, @ForAll("badCharacters") char bad) {
    String spoiled = id.substring(0, at) + bad + id.substring(at + 1);
    assertThat(PackedId.packable(spoiled)).isFalse();
    assertThat(PackedId.is(spoiled, PackedId.high(id), PackedId.low(id))).isFalse();
    assertThat(PackedId.packable(id.substring(1))).isFalse();
    assertThat(PackedId.packable(id + "0")).isFalse();
  }

  @Provide
  Arbitrary<Integer> spoilers() {
    return Arbitraries.integers().between(0, 25);
  }

  @Provide
  Arbitrary<Character> badCharacters() {
    return Arbitraries.of('w', 'z', 'A', 'V', '-', '_', ' ', '/', 'é', '\u0000');
  }

  @Test
  void aHalfWhoseFirstDigitOverflowsIsNotPackable() {
    String id = "0000000000000" + "0000000000000";
    assertThat(PackedId.packable(id)).isTrue();
    assertThat(PackedId.packable("g" + id.substring(1))).isFalse();
    assertThat(PackedId.packable(id.substring(0, 13) + "g" + id.substring(14))).isFalse();
    assertThat(PackedId.unpack(-1L, -1L)).isEqualTo("fvvvvvvvvvvvvfvvvvvvvvvvvv");
  }

  @Test
  void theEnginesOwnIdsPack() {
    try (OpenChannel oc = OpenChannel.builder().blobStore(BlobStore.inMemory()).build()) {
      AccountId account = AccountId.of("fb");
      oc.accounts().create(Account.of(account, ChannelType.FACEBOOK_MESSENGER, "Page",
          AccountSettings.builder().build()));
      var received = oc.receive(account, InboundMessage.text("m1", SenderProfile.of("c1", "Mia",
          "Rossi"), "hello", Instant.parse("2026-01-01T00:00:00Z")));
      assertThat(PackedId.packable(received.message().id().value())).isTrue();
      assertThat(PackedId.packable(received.interaction().id().value())).isTrue();
    }
  }
}
