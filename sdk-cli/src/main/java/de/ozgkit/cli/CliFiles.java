package de.ozgkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reading input files and writing output files for the commands: clear one-line reasons
 * ({@link CommandFailure} with exit code {@link ExitCode#USAGE_OR_IO}) and outputs that appear
 * whole or not at all.
 */
final class CliFiles {

    private CliFiles() {
    }

    /**
     * Checks that a file exists, is a regular file and can be read.
     *
     * @param file the file
     * @throws CommandFailure (exit code 2) naming the problem
     */
    static void requireReadable(Path file) {
        if (Files.isDirectory(file)) {
            throw new CommandFailure(ExitCode.USAGE_OR_IO, file + ": is a directory; give a file");
        }
        if (!Files.exists(file)) {
            throw new CommandFailure(ExitCode.USAGE_OR_IO, file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new CommandFailure(ExitCode.USAGE_OR_IO, file + ": cannot be read (permission denied)");
        }
    }

    /**
     * Reads a whole file, refusing files larger than a limit before reading them.
     *
     * @param file     the file
     * @param maxBytes the largest size accepted
     * @param what     what the file should be, for the message, e.g. {@code "PDF"}
     * @return the bytes
     * @throws CommandFailure (exit code 2) if the file is missing, unreadable or too large
     */
    static byte[] readAll(Path file, long maxBytes, String what) {
        requireReadable(file);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new CommandFailure(ExitCode.USAGE_OR_IO, file + ": larger than " + (maxBytes >> 20)
                        + " MiB, the limit for a " + what);
            }
            return bytes;
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.USAGE_OR_IO, file + ": cannot be read: " + reason(e));
        }
    }

    /**
     * Writes a file so that it appears complete or not at all: into a new hidden file next to the
     * target (created like any new file, so its permissions follow the umask; an existing target's
     * permissions are kept), forced to disk, then renamed over the target. A directory at the target,
     * empty or not, is never replaced.
     *
     * @param target  the file to write
     * @param content its content
     * @throws CommandFailure (exit code 2) if the file cannot be written or is a directory; nothing is left
     *                        behind
     */
    static void writeAtomically(Path target, byte[] content) {
        if (Files.isDirectory(target)) {
            throw new CommandFailure(ExitCode.USAGE_OR_IO, target + ": is a directory; give a file name");
        }
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve(".ozgkit-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        boolean created = false;
        try {
            // CREATE_NEW with default attributes: permissions as for any new file (0666 less the umask)
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                created = true;
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            PosixFileAttributeView existing = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            if (existing != null && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(tmp, existing.readAttributes().permissions());
            }
            try {
                // rename(2): replaces a file, never a directory (it fails with "is a directory")
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                if (Files.isDirectory(target)) {
                    throw new CommandFailure(ExitCode.USAGE_OR_IO, target + ": is a directory; give a file name");
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            created = false;
        } catch (IOException e) {
            if (Files.isDirectory(target)) {
                throw new CommandFailure(ExitCode.USAGE_OR_IO, target + ": is a directory; give a file name");
            }
            throw new CommandFailure(ExitCode.USAGE_OR_IO, target + ": cannot be written: " + reason(e));
        } finally {
            if (created) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do; the temporary file is hidden and named .ozgkit-*.tmp
                }
            }
        }
    }

    /** A short reason for an I/O failure, without repeating the path the caller names anyway. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory (" + ((NoSuchFileException) e).getFile() + ")";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : OzgkitCommand.oneLine(e.getMessage());
    }
}
