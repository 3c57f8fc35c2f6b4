package io.openchannel.internal.engine;

import io.openchannel.AgentDesk;
import io.openchannel.IllegalTransitionException;
import io.openchannel.InvalidInputException;
import io.openchannel.NotFoundException;
import io.openchannel.OpenChannel;
import io.openchannel.OpenChannelException;
import io.openchannel.ReceiveResult;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.Accounts;
import io.openchannel.contact.Contacts;
import io.openchannel.event.InteractionAssigned;
import io.openchannel.event.InteractionClosed;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.Dispositions;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.Interactions;
import io.openchannel.message.AttachmentId;
import io.openchannel.message.CannedAnswer;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Agents;
import io.openchannel.routing.Queues;
import io.openchannel.routing.Routing;
import io.openchannel.internal.routing.RoutingInfo;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.DeliveryReceipt;
import io.openchannel.spi.channel.InboundEvent;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResponse;
import io.openchannel.spi.channel.WebhookResult;
import io.openchannel.policy.ChannelPolicies;
import io.openchannel.policy.DenialReason;
import io.openchannel.policy.SendDecision;
import io.openchannel.policy.SendKind;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@link OpenChannel} implementation: wires the services and holds shared helpers. */
public final class Engine implements OpenChannel {
  final EngineConfig config;
  final Transactions transactions;
  final Ids ids;
  final ContactResolver contacts;
  final AttachmentIntake attachments;
  final OutboxDispatcher dispatcher;
  private final ReceiptService receipts;
  final RoutingService routing;
  private final QueueAdmin queues;
  private final InboundService inbound;
  private final InboundBatch inboundBatch;
  private final Admin admin;
  private final Reads reads;
  private final Optional<ClusterEventFeed> eventFeed;
  /** With a store that keeps routing state: routing shared by the engines on it; else null. */
  final ClusterRouting clusterRouting;
  /** With a store that keeps routing state: the store-first routing commands; else null. */
  final LedgerCommands ledgerCommands;
  /**
   * Lock keys of open interactions. A conversation's key never changes, so an interaction's lock
   * key can be kept while it is open and dropped when it closes; a plain map costs a fraction of a
   * size-bounded cache's upkeep on every new interaction. Only open interactions are added, and
   * the map is emptied should it ever pass {@link #LOCK_KEYS_KEPT} (a close racing a lookup can
   * leave an entry behind); a missing key is read again.
   */
  private final java.util.concurrent.ConcurrentHashMap<InteractionId, String> lockKeys =
      new java.util.concurrent.ConcurrentHashMap<>();
  static final int LOCK_KEYS_KEPT = 1_000_000;
  /** Accounts' channel types: a type never changes and accounts are never deleted. */
  private final java.util.concurrent.ConcurrentHashMap<AccountId, io.openchannel.account.ChannelType>
      channelTypes = new java.util.concurrent.ConcurrentHashMap<>();

  public Engine(EngineConfig config) {
    this.config = config;
    this.transactions = new Transactions(config.store(), new EventPublisher(config.listeners()),
        config.cluster().nodeId());
    this.ids = new Ids(config.clock());
    this.contacts = new ContactResolver(ids);
    this.attachments = new AttachmentIntake(config.blobStore());
    this.receipts = new ReceiptService(this);
    this.dispatcher = new OutboxDispatcher(this, Backoff.DEFAULT, receipts);
    this.routing = new RoutingService(this);
    this.queues = new QueueAdmin(this);
    this.inbound = new InboundService(this);
    this.inboundBatch = new InboundBatch(this, inbound);
    this.admin = new Admin(transactions, routing);
    this.reads = new Reads(transactions, new JourneyReader(config.dispositions()),
        new InteractionView(transactions, config));
    dispatcher.recover();
    var ledger = config.store().routingLedger();
    if (ledger.isPresent() && config.store().eventLog().isEmpty()) {
      throw new InvalidInputException("the store keeps routing state but no event log; engines "
          + "that route together must hear each other (JdbcStore clusterRouting turns both on)");
    }
    this.ledgerCommands = ledger.map(l -> new LedgerCommands(this, l)).orElse(null);
    this.clusterRouting = ledger.map(l -> new ClusterRouting(this, l,
        config.store().eventLog().orElseThrow())).orElse(null);
    this.eventFeed = config.store().eventLog().map(l -> new ClusterEventFeed(this, l));
    eventFeed.ifPresent(ClusterEventFeed::start);
    if (clusterRouting != null) {
      clusterRouting.start();
    }
  }

  @Override
  public Accounts accounts() {
    return admin.accounts();
  }

  @Override
  public Agents agents() {
    return admin.agents();
  }

  @Override
  public Queues queues() {
    return queues;
  }

  @Override
  public Routing routing() {
    return routing;
  }

  @Override
  public Contacts contacts() {
    return reads.contacts();
  }

  @Override
  public Interactions interactions() {
    return reads.interactions();
  }

  @Override
  public Dispositions dispositions() {
    return config.dispositions();
  }

  @Override
  public List<CannedAnswer> cannedAnswers() {
    return config.cannedAnswers();
  }

  @Override
  public Optional<CannedAnswer> cannedAnswer(io.openchannel.message.CannedAnswerId id) {
    io.openchannel.internal.util.Checks.notNull(id, "id");
    return config.cannedAnswers().stream().filter(a -> a.id().equals(id)).findFirst();
  }

  @Override
  public ReceiveResult receive(AccountId account, InboundMessage message) {
    return inbound.receive(io.openchannel.internal.util.Checks.notNull(account, "account"), io.openchannel.internal.util.Checks.notNull(message, "message"));
  }

  @Override
  public List<ReceiveResult> receiveAll(AccountId account, List<InboundMessage> messages) {
    return inboundBatch.receiveAll(io.openchannel.internal.util.Checks.notNull(account, "account"),
        messages);
  }

  @Override
  public WebhookResponse handleWebhook(AccountId accountId, WebhookRequest request) {
    io.openchannel.internal.util.Checks.notNull(accountId, "account");
    io.openchannel.internal.util.Checks.notNull(request, "request");
    Account account = accounts().get(accountId);
    ChannelConnector connector = config.connectors().get(account.type());
    if (connector == null) {
      throw new InvalidInputException("no connector is registered for " + account.type()
          + " (account " + accountId + "); add one with OpenChannel.builder().connector(...)");
    }
    WebhookResult result = connector.handle(request, account);
    // Each run of messages between receipts is stored as a batch: one transaction, and a retry of
    // the delivery after a failure finds none of that run half-stored.
    List<InboundMessage> run = new java.util.ArrayList<>();
    for (InboundEvent event : result.events()) {
      if (event instanceof InboundMessage m) {
        run.add(m);
        if (run.size() == InboundBatch.MAX_MESSAGES) {
          inboundBatch.receiveAll(accountId, run);
          run.clear();
        }
      } else if (event instanceof DeliveryReceipt r) {
        inboundBatch.receiveAll(accountId, run);
        run.clear();
        receipts.apply(accountId, r);
      }
    }
    inboundBatch.receiveAll(accountId, run);
    return result.response();
  }

  @Override
  public SendDecision canSend(InteractionId interactionId) {
    io.openchannel.internal.util.Checks.notNull(interactionId, "interaction");
    return transactions.read(tx -> {
      Interaction interaction = tx.interactions().find(interactionId)
          .orElseThrow(() -> new NotFoundException("no interaction " + interactionId));
      Account account = tx.accounts().find(interaction.account()).orElseThrow();
      if (!interaction.isOpen()) {
        return new SendDecision.Denied(DenialReason.INTERACTION_CLOSED,
            "interaction " + interactionId + " is closed", Optional.empty());
      }
      if (!account.enabled()) {
        return new SendDecision.Denied(DenialReason.ACCOUNT_DISABLED,
            "account " + account.id() + " is disabled; enable it to send", Optional.empty());
      }
      if (!account.settings().replyEnabled()) {
        return new SendDecision.Denied(DenialReason.REPLY_DISABLED, "account " + account.id()
            + " has no Reply URL, so agents can neither reply nor start interactions on it;"
            + " set one in its settings", Optional.empty());
      }
      Conversation conversation = tx.conversations().find(interaction.conversation()).orElseThrow();
      return ChannelPolicies.decide(
          SendRules.context(account, conversation, SendKind.AGENT_MESSAGE, now()));
    });
  }

  @Override
  public void applyReceipt(AccountId account, DeliveryReceipt receipt) {
    io.openchannel.internal.util.Checks.notNull(account, "account");
    io.openchannel.internal.util.Checks.notNull(receipt, "receipt");
    accounts().get(account);
    receipts.apply(account, receipt);
  }

  @Override
  public AgentDesk desk(AgentId agent) {
    io.openchannel.internal.util.Checks.notNull(agent, "agent");
    agents().get(agent);
    return new Desk(this, agent);
  }

  @Override
  public Interaction assign(InteractionId interactionId, AgentId agentId) {
    io.openchannel.internal.util.Checks.notNull(interactionId, "interaction");
    io.openchannel.internal.util.Checks.notNull(agentId, "agent");
    Object[] info = new Object[2];
    return routing.write(lockKey(interactionId), true, work -> {
      Agent agent = requireAgent(work, agentId);
      Interaction interaction = requireInteraction(work, interactionId);
      Interaction assigned = assignIn(work, interaction, agent);
      if (ledgerCommands != null) {
        ledgerCommands.takenIn(work, interactionId);
      }
      info[0] = RoutingService.infoOf(work, assigned);
      info[1] = agent;
      return assigned;
    }, (i, fx) -> routing.router.assigned((RoutingInfo) info[0], (Agent) info[1], fx));
  }

  /** Makes {@code agent} the owner inside a transaction; shared by assign and accept. */
  Interaction assignIn(Transactions.Work work, Interaction interaction, Agent agent) {
    return assignIn(work, interaction, agent.id());
  }

  /**
   * {@link #assignIn(Transactions.Work, Interaction, Agent)} for an agent known to exist (one
   * routing offered work to: agents are never deleted), without reading it again.
   */
  Interaction assignIn(Transactions.Work work, Interaction interaction, AgentId agentId) {
    if (!interaction.isOpen()) {
      throw new IllegalTransitionException("interaction " + interaction.id()
          + " is closed and cannot be assigned; the customer's next message opens a new one");
    }
    Optional<AgentId> owner = interaction.owner();
    if (owner.isPresent() && owner.get().equals(agentId)) {
      return interaction;
    }
    boolean firstTime = !interaction.isManaged();
    Interaction assigned = work.tx().interactions().update(interaction.withOwner(agentId));
    if (firstTime) {
      Conversation conversation = work.tx().conversations().find(interaction.conversation()).orElseThrow();
      work.tx().conversations().update(conversation.withOneManaged());
    }
    work.publish(new InteractionAssigned(now(), interaction.id(), agentId, owner, firstTime));
    return assigned;
  }

  @Override
  public Interaction close(InteractionId interactionId) {
    io.openchannel.internal.util.Checks.notNull(interactionId, "interaction");
    return closeRouted(interactionId, work ->
        closeIn(work, requireInteraction(work, interactionId), Optional.empty(), Optional.empty()));
  }

  /** Runs a close in a routed write: the router rescinds offers and frees the agent (S13). */
  Interaction closeRouted(InteractionId interactionId,
      java.util.function.Function<Transactions.Work, Interaction> close) {
    java.util.function.Function<Transactions.Work, Interaction> work = ledgerCommands == null
        ? close : w -> {
          Interaction closed = close.apply(w);
          ledgerCommands.closedIn(w, closed.id());
          return closed;
        };
    Interaction closed = routing.write(lockKey(interactionId), true, work,
        (c, fx) -> routing.router.closed(c.id(), fx));
    lockKeys.remove(closed.id()); // closed for good: later lookups read it again
    return closed;
  }

  /** Closes inside a transaction; shared by the host's and the agent's close. */
  Interaction closeIn(Transactions.Work work, Interaction interaction, Optional<AgentId> by,
      Optional<io.openchannel.interaction.DispositionId> disposition) {
    Instant at = now();
    Interaction closed = work.tx().interactions().update(interaction.closed(at, disposition));
    Conversation conversation = work.tx().conversations().find(interaction.conversation()).orElseThrow();
    work.tx().conversations().update(conversation.withClosed());
    work.publish(new InteractionClosed(at, interaction.id(), by, disposition));
    return closed;
  }

  /**
   * Every broken routing invariant, recomputed from scratch (for tests; slow). Not API.
   */
  public List<String> routingViolations() {
    return routing.read(() -> io.openchannel.internal.routing.RouterInvariants.violations(routing.router));
  }

  /**
   * How many times this engine reloaded routing from the store (taking the router lease over,
   * conflicts, transfers, signalled changes); 0 without a store that keeps routing state. For
   * tests. Not API.
   */
  public long routingReloads() {
    return clusterRouting == null ? 0 : clusterRouting.reloads();
  }

  @Override
  public InputStream openAttachment(AttachmentId attachment) {
    io.openchannel.internal.util.Checks.notNull(attachment, "attachment");
    try {
      return config.blobStore().open(attachment);
    } catch (FileNotFoundException e) {
      throw new NotFoundException("no attachment " + attachment);
    } catch (IOException e) {
      throw new OpenChannelException("could not open attachment " + attachment + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    // Queued messages stay in the store and are sent by the next engine on it. The scheduler,
    // store and blob store are the host's, which closes them.
    dispatcher.stop();
    if (clusterRouting != null) {
      clusterRouting.stop();
    }
    eventFeed.ifPresent(ClusterEventFeed::stop);
    if (config.scheduler() instanceof ThreadScheduler own) {
      own.shutdown(); // made by the builder, so ours to stop
    }
  }

  /**
   * The account's channel type, read from the store once: what inbound needs before its
   * transaction (a conversation's default visibility), without a read of its own per call.
   *
   * @throws NotFoundException if the account does not exist
   */
  io.openchannel.account.ChannelType channelType(AccountId account) {
    io.openchannel.account.ChannelType type = channelTypes.get(account);
    if (type == null) {
      type = accounts().get(account).type();
      channelTypes.put(account, type);
    }
    return type;
  }

  Instant now() {
    return config.clock().instant();
  }

  /** The lock key of the interaction's conversation. */
  String lockKey(InteractionId interaction) {
    String key = lockKeys.get(interaction);
    if (key == null) {
      boolean[] open = new boolean[1];
      key = transactions.read(tx -> {
        Interaction i = tx.interactions().find(interaction)
            .orElseThrow(() -> new NotFoundException("no interaction " + interaction));
        open[0] = i.isOpen();
        return tx.conversations().find(i.conversation()).orElseThrow().key().toString();
      });
      if (open[0]) {
        rememberLockKey(interaction, key);
      }
    }
    return key;
  }

  /** Caches the lock key of a new interaction, so routing it needs no read to find it. */
  void rememberLockKey(InteractionId interaction, String lockKey) {
    if (lockKeys.size() >= LOCK_KEYS_KEPT) {
      lockKeys.clear(); // only leftovers of lost races could fill it; every key can be read again
    }
    lockKeys.put(interaction, lockKey);
  }

  // The lookups below test the Optional instead of orElseThrow(supplier): the supplier captured
  // the id, an allocation per call, and they run several times per routing cycle.

  static Interaction requireInteraction(Transactions.Work work, InteractionId id) {
    Optional<Interaction> found = work.tx().interactions().find(id);
    if (found.isEmpty()) {
      throw new NotFoundException("no interaction " + id);
    }
    return found.get();
  }

  static Agent requireAgent(Transactions.Work work, AgentId id) {
    Optional<Agent> found = work.tx().agents().find(id);
    if (found.isEmpty()) {
      throw new NotFoundException("no agent " + id
          + "; create it with OpenChannel.agents().create(...)");
    }
    return found.get();
  }

  static Account requireAccount(Transactions.Work work, AccountId id) {
    Optional<Account> found = work.tx().accounts().find(id);
    if (found.isEmpty()) {
      throw new NotFoundException("no account " + id
          + "; create it with OpenChannel.accounts().create(...)");
    }
    return found.get();
  }
}
