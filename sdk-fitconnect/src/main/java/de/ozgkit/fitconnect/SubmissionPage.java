package de.ozgkit.fitconnect;

import java.util.List;

/**
 * One page of submissions waiting for pickup.
 *
 * @param offset      the offset of the first entry
 * @param totalCount  how many submissions wait in all
 * @param submissions the entries of this page
 */
public record SubmissionPage(int offset, int totalCount, List<SubmissionRef> submissions) {
    /** Copies the list. */
    public SubmissionPage {
        submissions = List.copyOf(submissions);
    }

    /** @return whether more entries follow this page */
    public boolean hasMore() {
        return offset + submissions.size() < totalCount;
    }
}
