package io.openchannel.adapters.jdbc;

import io.openchannel.account.Account;
import io.openchannel.account.ChannelType;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.MessageId;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.SendResult;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A Telegram-typed platform that counts every send of every message, shared by the engines of a
 * test (so that two engines sending one message shows as a count of 2), and keeps the order in
 * which each interaction's messages went out. {@code beforeSend} runs first on the sending
 * thread: a test can block it there, as a platform that hangs.
 */
final class CountingConnector implements ChannelConnector {
  final Map<MessageId, AtomicInteger> sends;
  final Map<InteractionId, List<MessageId>> order;
  private final Consumer<OutboundMessage> beforeSend;

  CountingConnector() {
    this(m -> { }, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
  }

  private CountingConnector(Consumer<OutboundMessage> beforeSend,
      Map<MessageId, AtomicInteger> sends, Map<InteractionId, List<MessageId>> order) {
    this.beforeSend = beforeSend;
    this.sends = sends;
    this.order = order;
  }

  /** Another engine's connector to the same platform: the same counts, its own hook. */
  CountingConnector sharing(Consumer<OutboundMessage> hook) {
    return new CountingConnector(hook, sends, order);
  }

  /** How many times each message was sent. */
  Map<MessageId, Integer> counts() {
    Map<MessageId, Integer> counts = new java.util.HashMap<>();
    sends.forEach((id, n) -> counts.put(id, n.get()));
    return counts;
  }

  @Override
  public ChannelType type() {
    return ChannelType.TELEGRAM;
  }

  @Override
  public WebhookResult handle(WebhookRequest request, Account account) {
    throw new UnsupportedOperationException("the cluster tests receive through OpenChannel.receive");
  }

  @Override
  public SendResult send(OutboundMessage message, Account account) {
    beforeSend.accept(message);
    sends.computeIfAbsent(message.id(), id -> new AtomicInteger()).incrementAndGet();
    order.computeIfAbsent(message.interaction(), i -> new CopyOnWriteArrayList<>()).add(message.id());
    return SendResult.sent("tg-" + message.id().value());
  }
}
