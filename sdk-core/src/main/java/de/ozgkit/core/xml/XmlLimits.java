package de.ozgkit.core.xml;

import de.ozgkit.core.OzgClientException;

/**
 * Limits that {@link SecureXml} enforces while reading a document.
 *
 * @param maxBytes      largest accepted document in bytes (counted before decoding)
 * @param maxDepth      deepest accepted element nesting
 * @param maxAttributes most attributes accepted on one element
 */
public record XmlLimits(long maxBytes, int maxDepth, int maxAttributes) {

    /** 64 MiB, depth 256, 100 attributes per element: generous for every document ozgkit reads. */
    public static final XmlLimits DEFAULT = new XmlLimits(64L * 1024 * 1024, 256, 100);

    /**
     * Checks the limits are positive.
     *
     * @throws OzgClientException of kind INVALID_ARGUMENT when a limit is not positive
     */
    public XmlLimits {
        if (maxBytes <= 0 || maxDepth <= 0 || maxAttributes <= 0) {
            throw OzgClientException.invalidArgument("XML limits must be positive, were maxBytes=" + maxBytes
                    + ", maxDepth=" + maxDepth + ", maxAttributes=" + maxAttributes);
        }
    }

    /**
     * @param bytes the new size limit
     * @return a copy with another size limit
     */
    public XmlLimits withMaxBytes(long bytes) {
        return new XmlLimits(bytes, maxDepth, maxAttributes);
    }

    /**
     * @param depth the new depth limit
     * @return a copy with another depth limit
     */
    public XmlLimits withMaxDepth(int depth) {
        return new XmlLimits(maxBytes, depth, maxAttributes);
    }
}
