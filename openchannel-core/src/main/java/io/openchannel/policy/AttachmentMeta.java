package io.openchannel.policy;

import io.openchannel.internal.util.Checks;
import io.openchannel.message.Attachment;

/**
 * What {@link ChannelLimits#check} needs to know about a file, before its bytes are stored.
 * Immutable.
 *
 * @param fileName the file's name, for messages
 * @param contentType its MIME type
 * @param sizeBytes its size
 */
public record AttachmentMeta(String fileName, String contentType, long sizeBytes) {

  /**
   * Validates the metadata.
   *
   * @throws io.openchannel.InvalidInputException if a name or type is null or blank, or the size
   *     is negative
   */
  public AttachmentMeta {
    fileName = Checks.name(fileName, "fileName", 255);
    contentType = Checks.identifier(contentType, "contentType", 255);
    Checks.notNegative(sizeBytes, "sizeBytes");
  }

  /** The metadata of a stored attachment. */
  public static AttachmentMeta of(Attachment attachment) {
    Checks.notNull(attachment, "attachment");
    return new AttachmentMeta(attachment.fileName(), attachment.contentType(),
        attachment.sizeBytes());
  }
}
