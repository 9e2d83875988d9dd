/**
 * The citizen mailbox (Postfach): send a message with attachments to the mailbox of the postkorb
 * handle a login returned, in the signed envelope, over mutual TLS, and follow its status.
 *
 * <pre>{@code
 * MessageReceipt receipt = postfach.send(PostfachMessage.builder()
 *         .mailboxUuid(handle).sender("Stadt Musterstadt").title("Ihr Bescheid").content(text)
 *         .attachment(new Attachment("bescheid.pdf", "application/pdf", pdf)).build());
 * postfach.updateStatus(receipt.messageId(), MessageStatus.COMPLETED);
 * }</pre>
 */
package de.ozgkit.account.postfach;
