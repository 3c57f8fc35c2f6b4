package io.openchannel.account;

import io.openchannel.InvalidInputException;
import io.openchannel.internal.util.Checks;
import io.openchannel.internal.util.Size;
import io.openchannel.routing.QueueId;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How an account behaves. Immutable; build one with {@link #builder()} or start from
 * {@link #defaults()} and change it with {@link #toBuilder()}.
 *
 * @param replyUrl where agent replies go; empty means agents can neither reply nor start
 *     interactions on the account (S25)
 * @param attachmentsEnabled whether agents may send attachments
 * @param maxAttachmentBytes the largest attachment agents may send; empty means the default,
 *     15 MB or the channel's own limit if that is lower ({@link Account#maxAttachmentBytes()});
 *     a value above the channel's limit is refused by {@link Account}
 * @param transferAllowed whether agents may transfer this account's interactions (S14)
 * @param autoReply text sent, flagged as an auto-reply, when a customer opens a new interaction
 *     (S27); needs a Reply URL
 * @param mapKey the contact field that identifies a sender (for example {@code phone}); empty
 *     means senders are matched by their channel identity only (S5)
 * @param queue the queue that receives the account's new interactions
 * @param humanAgentTag whether Meta approved the {@code HUMAN_AGENT} message tag for this account
 *     (Messenger, Instagram): human agents may then answer up to 7 days after the customer's last
 *     message instead of 24 hours; never used for auto-replies
 * @param legacyOneMoreMessage the reference product's retired "24 + 1" rule (S20): after the 24 h
 *     window exactly one more agent message, then none until the customer writes again. Meta
 *     retired this rule on 4 March 2020; enable it only to reproduce the old behaviour
 */
public record AccountSettings(
    Optional<URI> replyUrl,
    boolean attachmentsEnabled,
    OptionalLong maxAttachmentBytes,
    boolean transferAllowed,
    Optional<String> autoReply,
    Optional<String> mapKey,
    Optional<QueueId> queue,
    boolean humanAgentTag,
    boolean legacyOneMoreMessage) {

  /** The default largest attachment, unless the channel allows less: 15 MB. */
  public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 15 * Size.MB;

  /** Validates the settings. */
  public AccountSettings {
    Checks.notNull(replyUrl, "replyUrl");
    Checks.notNull(autoReply, "autoReply");
    Checks.notNull(mapKey, "mapKey");
    Checks.notNull(queue, "queue");
    replyUrl.ifPresent(AccountSettings::checkReplyUrl);
    Checks.notNull(maxAttachmentBytes, "maxAttachmentBytes");
    if (maxAttachmentBytes.isPresent() && maxAttachmentBytes.getAsLong() <= 0) {
      throw new InvalidInputException(
          "maxAttachmentBytes must be positive, got " + maxAttachmentBytes.getAsLong()
              + "; to refuse attachments set attachmentsEnabled(false) instead");
    }
    autoReply.ifPresent(text -> Checks.check(!text.isBlank(),
        "autoReply must not be blank; leave it empty for no auto-reply"));
    Checks.check(autoReply.isEmpty() || replyUrl.isPresent(),
        "an auto-reply needs a replyUrl to be sent through; set one or drop the auto-reply");
    mapKey.ifPresent(key -> Checks.identifier(key, "mapKey", 64));
  }

  private static void checkReplyUrl(URI url) {
    String scheme = url.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || url.getHost() == null) {
      throw new InvalidInputException(
          "replyUrl must be an absolute http(s) URL such as https://connector.example.com/reply, got "
              + url);
    }
  }

  /**
   * Reply disabled, attachments enabled up to the default limit, no transfer, no auto-reply, no map
   * key, no queue, no {@code HUMAN_AGENT} tag, no legacy "24 + 1" rule.
   */
  public static AccountSettings defaults() {
    return builder().build();
  }

  /** A builder with the {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.replyUrl = replyUrl.orElse(null);
    b.attachmentsEnabled = attachmentsEnabled;
    b.maxAttachmentBytes = maxAttachmentBytes.isPresent() ? maxAttachmentBytes.getAsLong() : null;
    b.transferAllowed = transferAllowed;
    b.autoReply = autoReply.orElse(null);
    b.mapKey = mapKey.orElse(null);
    b.queue = queue.orElse(null);
    b.humanAgentTag = humanAgentTag;
    b.legacyOneMoreMessage = legacyOneMoreMessage;
    return b;
  }

  /** Whether agents may reply and start interactions: the account has a Reply URL. */
  public boolean replyEnabled() {
    return replyUrl.isPresent();
  }

  /** Builds {@link AccountSettings}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private URI replyUrl;
    private boolean attachmentsEnabled = true;
    private Long maxAttachmentBytes;
    private boolean transferAllowed;
    private String autoReply;
    private String mapKey;
    private QueueId queue;
    private boolean humanAgentTag;
    private boolean legacyOneMoreMessage;

    private Builder() {}

    /** The Reply URL; {@code null} or blank disables replies. */
    public Builder replyUrl(String url) {
      if (url == null || url.isBlank()) {
        this.replyUrl = null;
        return this;
      }
      try {
        this.replyUrl = URI.create(url.strip());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("replyUrl is not a valid URL: " + Checks.quote(url), e);
      }
      return this;
    }

    /** The Reply URL; {@code null} disables replies. */
    public Builder replyUrl(URI url) {
      this.replyUrl = url;
      return this;
    }

    /** Whether agents may send attachments (default true). */
    public Builder attachmentsEnabled(boolean enabled) {
      this.attachmentsEnabled = enabled;
      return this;
    }

    /** The largest attachment agents may send; {@code null} for the default. */
    public Builder maxAttachmentBytes(Long bytes) {
      this.maxAttachmentBytes = bytes;
      return this;
    }

    /** Whether agents may transfer interactions (default false). */
    public Builder transferAllowed(boolean allowed) {
      this.transferAllowed = allowed;
      return this;
    }

    /** The auto-reply text; {@code null} for none. */
    public Builder autoReply(String text) {
      this.autoReply = text;
      return this;
    }

    /** The contact field that identifies senders, such as {@code phone}; {@code null} for none. */
    public Builder mapKey(String field) {
      this.mapKey = field;
      return this;
    }

    /** The queue that receives new interactions; {@code null} for none. */
    public Builder queue(QueueId queue) {
      this.queue = queue;
      return this;
    }

    /** Whether Meta approved the {@code HUMAN_AGENT} tag for this account (default false). */
    public Builder humanAgentTag(boolean approved) {
      this.humanAgentTag = approved;
      return this;
    }

    /** Whether the retired "24 + 1" rule applies (default false); see {@link AccountSettings}. */
    public Builder legacyOneMoreMessage(boolean enabled) {
      this.legacyOneMoreMessage = enabled;
      return this;
    }

    /** Validates and builds; throws {@link InvalidInputException} naming the bad setting. */
    public AccountSettings build() {
      return new AccountSettings(
          Optional.ofNullable(replyUrl),
          attachmentsEnabled,
          maxAttachmentBytes == null ? OptionalLong.empty() : OptionalLong.of(maxAttachmentBytes),
          transferAllowed,
          Optional.ofNullable(autoReply),
          Optional.ofNullable(mapKey),
          Optional.ofNullable(queue),
          humanAgentTag,
          legacyOneMoreMessage);
    }
  }

}
