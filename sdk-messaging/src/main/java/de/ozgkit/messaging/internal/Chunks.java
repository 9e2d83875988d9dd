package de.ozgkit.messaging.internal;

import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.w3c.dom.Element;

/**
 * The pieces of the OSCI supplement on efficient message transfer (namespace
 * {@code http://xoev.de/transport/osci12/7}) as the OSCI library writes them: the
 * {@code ChunkInformation} of PartialStoreDelivery / PartialFetchDelivery and their answers, the
 * {@code FeatureDescription} header, and the names of the chunk container.
 *
 * <p>A large StoreDelivery (or the answer to a FetchDelivery) is written as one message and cut into
 * chunks; sizes on the wire are in KiB ({@code ChunkSize}, {@code TotalMessageSize}, the latter
 * rounded down), chunk numbers count from 1, {@code ReceivedChunks} lists the numbers received so
 * far separated by spaces ({@code -1} for none). Each chunk travels as the attachment
 * {@value #BLOB} of the content container {@value #CONTAINER}.
 */
public final class Chunks {

    /** The Id of the content container that carries a chunk. */
    public static final String CONTAINER = "ChunkContentContainer";
    /** The Id of the content that references the chunk. */
    public static final String CONTENT = "ChunkContent";
    /** The Content-ID of the chunk attachment. */
    public static final String BLOB = "ChunkBlobStoreDelivery";
    /** The suffix the OSCI library appends to the message id of the partial messages. */
    public static final String PARTIAL_SUFFIX = "_Partial";

    private Chunks() {
    }

    /**
     * A ChunkInformation element; absent attributes are {@code -1} (sizes) or empty (received).
     *
     * @param chunkNumber       the chunk's number, from 1
     * @param chunkSizeKib      the chunk size in KiB
     * @param totalChunks       the number of chunks
     * @param totalKib          the size of the whole message in KiB, rounded down
     * @param received          the numbers of the chunks received so far
     */
    public record Info(int chunkNumber, long chunkSizeKib, int totalChunks, long totalKib, List<Integer> received) {
        /** Copies the list. */
        public Info {
            received = List.copyOf(received);
        }

        /** @return the element as the OSCI library writes it, attributes in its order */
        public String toXml() {
            StringBuilder sb = new StringBuilder("<osci2017:ChunkInformation");
            if (chunkNumber >= 0) {
                sb.append(" ChunkNumber=\"").append(chunkNumber).append('"');
            }
            if (chunkSizeKib >= 0) {
                sb.append(" ChunkSize=\"").append(chunkSizeKib).append('"');
            }
            if (received != null && !received.isEmpty()) {
                sb.append(" ReceivedChunks=\"");
                for (int i = 0; i < received.size(); i++) {
                    sb.append(i == 0 ? "" : " ").append(received.get(i));
                }
                sb.append('"');
            }
            if (totalChunks >= 0) {
                sb.append(" TotalChunkNumbers=\"").append(totalChunks).append('"');
            }
            if (totalKib >= 0) {
                sb.append(" TotalMessageSize=\"").append(totalKib).append('"');
            }
            return sb.append("></osci2017:ChunkInformation>").toString();
        }

        /**
         * @param e a ChunkInformation element
         * @return its values
         * @throws OsciException of check STRUCTURE for values that are not numbers or out of range
         */
        public static Info parse(Element e) {
            List<Integer> received = new ArrayList<>();
            String r = e.getAttribute("ReceivedChunks").trim();
            if (!r.isEmpty()) {
                TreeSet<Integer> set = new TreeSet<>();
                for (String s : r.split("\\s+")) {
                    int n = (int) number(s, "ReceivedChunks", -1, Integer.MAX_VALUE);
                    if (n > 0) {
                        set.add(n);
                    }
                }
                received.addAll(set);
            }
            return new Info((int) attr(e, "ChunkNumber", 0, Integer.MAX_VALUE), attr(e, "ChunkSize", 1, Long.MAX_VALUE / 1024),
                    (int) attr(e, "TotalChunkNumbers", 1, Integer.MAX_VALUE), attr(e, "TotalMessageSize", 0, Long.MAX_VALUE / 1024),
                    received);
        }

        private static long attr(Element e, String name, long min, long max) {
            String v = e.getAttribute(name).trim();
            return v.isEmpty() ? -1 : number(v, name, min, max);
        }

        private static long number(String v, String name, long min, long max) {
            try {
                long n = Long.parseLong(v);
                if (n < min || n > max) {
                    throw new OsciException(OsciCheck.STRUCTURE, "ChunkInformation " + name + " " + n + " is out of range");
                }
                return n;
            } catch (NumberFormatException ex) {
                throw new OsciException(OsciCheck.STRUCTURE, "ChunkInformation " + name + " \"" + v + "\" is not a number", ex);
            }
        }
    }

    /**
     * @param messageId a message id
     * @return the id the partial messages carry
     */
    public static String partialId(String messageId) {
        return messageId.endsWith(PARTIAL_SUFFIX) ? messageId : messageId + PARTIAL_SUFFIX;
    }

    /**
     * @param partialId the id of a partial message
     * @return the id of the whole message
     */
    public static String wholeId(String partialId) {
        return partialId.endsWith(PARTIAL_SUFFIX) ? partialId.substring(0, partialId.length() - PARTIAL_SUFFIX.length())
                : partialId;
    }

    /** @return the FeatureDescription header block naming the features ozgkit supports */
    public static String featureDescription() {
        return "<osci2017:FeatureDescription" + OsciXml.NS_DECLS_2017 + " Id=\"featuredescription\"><osci2017:SupportedFeatures>"
                + "<osci2017:Feature Key=\"DisableBase64\" Version=\"1.2.0\"></osci2017:Feature>"
                + "<osci2017:Feature Key=\"OAEPEncryption\" Version=\"1.6.0\"></osci2017:Feature>"
                + "<osci2017:Feature Key=\"GCMPaddingModus\" Version=\"1.7.0\"></osci2017:Feature>"
                + "<osci2017:Feature Key=\"PartialMessageTransmission\" Version=\"1.8.0\"></osci2017:Feature>"
                + "<osci2017:Feature Key=\"Support96Bit12ByteIV\" Version=\"1.9.0\"></osci2017:Feature>"
                + "</osci2017:SupportedFeatures></osci2017:FeatureDescription>";
    }

    /** @return the body of a message that carries one chunk as its attachment */
    public static String chunkBody() {
        return Headers.body("<osci:ContentPackage><osci:ContentContainer" + OsciXml.NS_DECLS + " Id=\"" + CONTAINER
                + "\"><osci:Content Id=\"" + CONTENT + "\" href=\"cid:" + BLOB + "\"></osci:Content></osci:ContentContainer>"
                + "</osci:ContentPackage>");
    }

    /**
     * @param size      bytes of the whole message
     * @param chunkSize bytes per chunk
     * @return the number of chunks
     */
    public static int count(long size, long chunkSize) {
        long n = Math.max(1, (size + chunkSize - 1) / chunkSize);
        if (n > Integer.MAX_VALUE) {
            throw new OsciException(OsciCheck.SIZE, "the message would need " + n + " chunks; choose larger chunks");
        }
        return (int) n;
    }
}
