package de.ozgkit.fitconnect;

import de.ozgkit.core.UnknownCodeException;
import java.util.Arrays;
import java.util.Optional;

/** Purpose of an attachment ({@code purpose} in the metadata's {@code contentStructure.attachments}). */
public enum AttachmentPurpose {
    /** An automatically generated PDF rendering of the whole application form. */
    FORM("form"),
    /** A document the applicant uploaded. */
    ATTACHMENT("attachment"),
    /** A document the online service produced afterwards. */
    REPORT("report"),
    /** Specialist data sent as an attachment because of its size (metadata 2.x only). */
    DATA("data");

    private final String code;

    AttachmentPurpose(String code) {
        this.code = code;
    }

    /** @return the value as written in the metadata */
    public String code() {
        return code;
    }

    /**
     * @param code the value as written in the metadata
     * @return the constant
     * @throws UnknownCodeException for an unknown value
     */
    public static AttachmentPurpose fromCode(String code) {
        return lookup(code).orElseThrow(() -> new UnknownCodeException("FIT-Connect attachment purpose", code,
                Arrays.stream(values()).map(AttachmentPurpose::code).toList()));
    }

    /**
     * @param code the value as written in the metadata
     * @return the constant, empty for an unknown value
     */
    public static Optional<AttachmentPurpose> lookup(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
