package de.ozgkit.fitconnect;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The reply channel the applicant chose ({@code replyChannel} in the metadata); exactly one per
 * submission. Without one, the authority answers by post.
 */
public sealed interface ReplyChannel {

    /** @return the member name in the metadata, e.g. {@code eMail} */
    String memberName();

    /**
     * E-mail, optionally with the applicant's OpenPGP key.
     *
     * @param address      the e-mail address
     * @param pgpPublicKey an ASCII-armoured OpenPGP public key, may be {@code null}
     */
    record EMail(String address, String pgpPublicKey) implements ReplyChannel {
        /** Checks the values. */
        public EMail {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String memberName() {
            return "eMail";
        }
    }

    /**
     * De-Mail.
     *
     * @param address the De-Mail address
     */
    record DeMail(String address) implements ReplyChannel {
        /** Checks the value. */
        public DeMail {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String memberName() {
            return "deMail";
        }
    }

    /**
     * The mailbox of an interoperable Servicekonto (FINK.PFISK); deprecated in metadata 2.x in favour
     * of {@link IdBundDeMailbox}.
     *
     * @param postfachRef the FINK mailbox address, e.g. {@code hh/by/12345}
     * @param host        the Servicekonto holding the mailbox, may be {@code null}
     */
    record Fink(String postfachRef, URI host) implements ReplyChannel {
        /** Checks the value. */
        public Fink {
            Objects.requireNonNull(postfachRef, "postfachRef");
        }

        @Override
        public String memberName() {
            return "fink";
        }
    }

    /**
     * ELSTER.
     *
     * @param accountId          the ELSTER account id
     * @param lieferTicket       the delivery ticket, may be {@code null}
     * @param geschaeftszeichen  the file reference (at most 10 characters), may be {@code null}
     */
    record Elster(String accountId, String lieferTicket, String geschaeftszeichen) implements ReplyChannel {
        /** Checks the value. */
        public Elster {
            Objects.requireNonNull(accountId, "accountId");
            if (geschaeftszeichen != null && geschaeftszeichen.length() > 10) {
                throw new InvalidSubmissionException("replyChannel.elster.geschaeftszeichen must be at most 10"
                        + " characters, was " + geschaeftszeichen.length());
            }
        }

        @Override
        public String memberName() {
            return "elster";
        }
    }

    /**
     * The mailbox of the citizen's account (BundID / DeutschlandID Postfach), addressed by the
     * postkorb handle from the SAML login (metadata 2.x).
     *
     * @param mailboxUuid the postkorb handle ({@code legacyPostkorbHandle})
     */
    record IdBundDeMailbox(UUID mailboxUuid) implements ReplyChannel {
        /** Checks the value. */
        public IdBundDeMailbox {
            Objects.requireNonNull(mailboxUuid, "mailboxUuid");
        }

        @Override
        public String memberName() {
            return "idBundDeMailbox";
        }
    }

    /**
     * A reply over FIT-Connect (metadata 2.x).
     *
     * @param processStandards       URIs of the data exchange standards (at least one)
     * @param encryptionPublicKeyJwk the applicant side's public encryption key as JWK JSON
     */
    record FitConnect(List<URI> processStandards, String encryptionPublicKeyJwk) implements ReplyChannel {
        /** Checks the values. */
        public FitConnect {
            processStandards = List.copyOf(processStandards);
            Objects.requireNonNull(encryptionPublicKeyJwk, "encryptionPublicKeyJwk");
            if (processStandards.isEmpty()) {
                throw new InvalidSubmissionException("replyChannel.fitConnect.processStandards needs at least one URI");
            }
        }

        @Override
        public String memberName() {
            return "fitConnect";
        }
    }
}
