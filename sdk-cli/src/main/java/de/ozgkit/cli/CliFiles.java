package de.ozgkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
     * Writes a file so that it appears complete or not at all: into a temporary file next to the
     * target, then moved into place (replacing an existing file).
     *
     * @param target  the file to write
     * @param content its content
     * @throws CommandFailure (exit code 2) if the file cannot be written; nothing is left behind
     */
    static void writeAtomically(Path target, byte[] content) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            if (Files.isDirectory(target)) {
                throw new CommandFailure(ExitCode.USAGE_OR_IO, target + ": is a directory; give a file name");
            }
            tmp = Files.createTempFile(dir, ".ozgkit-", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(content);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.USAGE_OR_IO, target + ": cannot be written: " + reason(e));
        } finally {
            if (tmp != null) {
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
