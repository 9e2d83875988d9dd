package de.ozgkit.fitconnect;

import java.net.URI;
import java.util.Objects;

/**
 * The schema the specialist data follows ({@code submissionSchema}).
 *
 * @param schemaUri the schema's URI
 * @param mimeType  {@code application/json} or {@code application/xml}
 */
public record SubmissionSchema(URI schemaUri, String mimeType) {

    /** Checks the values. */
    public SubmissionSchema {
        Objects.requireNonNull(schemaUri, "schemaUri");
        Objects.requireNonNull(mimeType, "mimeType");
        if (!mimeType.equals("application/json") && !mimeType.equals("application/xml")) {
            throw new InvalidSubmissionException("submissionSchema.mimeType must be application/json or application/xml,"
                    + " was " + mimeType);
        }
    }
}
