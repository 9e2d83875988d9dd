package de.ozgkit.cli;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors in the words of the command line rather than of Java: option values that cannot be
 * converted are reported as {@code --amount must be a decimal number such as 12.50, was 'abc'}
 * (never "BigDecimal" or an exception name), an unknown command names the commands there are.
 */
final class CliWords {

    /** A plain decimal number: digits, optionally a point and more digits (no exponent, no comma). */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");

    private CliWords() {
    }

    /**
     * Registers converters for the value types the commands use, with messages in plain words.
     *
     * @param commandLine the root command line (its subcommands get the converters too)
     */
    static void register(CommandLine commandLine) {
        commandLine.registerConverter(BigDecimal.class, CliWords::decimal);
        commandLine.registerConverter(Integer.class, v -> (int) whole(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
        commandLine.registerConverter(int.class, v -> (int) whole(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
        commandLine.registerConverter(Long.class, v -> whole(v, Long.MIN_VALUE, Long.MAX_VALUE));
        commandLine.registerConverter(long.class, v -> whole(v, Long.MIN_VALUE, Long.MAX_VALUE));
        commandLine.registerConverter(URI.class, CliWords::uri);
    }

    static BigDecimal decimal(String value) {
        if (!DECIMAL.matcher(value.strip()).matches()) {
            throw new TypeConversionException("must be a decimal number such as 12.50");
        }
        return new BigDecimal(value.strip());
    }

    static long whole(String value, long min, long max) {
        if (!WHOLE.matcher(value.strip()).matches()) {
            throw new TypeConversionException("must be a whole number");
        }
        BigDecimal n = new BigDecimal(value.strip());
        if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new TypeConversionException("must be a whole number from " + min + " to " + max);
        }
        return n.longValueExact();
    }

    static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new TypeConversionException("must be a URI such as https://provider.example/api ("
                    + e.getReason().toLowerCase(Locale.ROOT) + (e.getIndex() < 0 ? "" : " at character " + (e.getIndex() + 1))
                    + ")");
        }
    }

    /**
     * The one-line reason for a usage error.
     *
     * @param e the error picocli reports
     * @return the reason, without the command name
     */
    static String describe(ParameterException e) {
        if (e.getCause() instanceof TypeConversionException conversion && e.getArgSpec() != null) {
            return name(e.getArgSpec()) + " " + conversion.getMessage() + (e.getValue() == null ? "" : ", was '" + e.getValue() + "'");
        }
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()
                && !unmatched.getUnmatched().isEmpty()) {
            return unmatched(unmatched);
        }
        return OzgkitCommand.oneLine(e.getMessage());
    }

    private static String unmatched(UnmatchedArgumentException e) {
        CommandLine failed = e.getCommandLine();
        List<String> args = e.getUnmatched();
        String suggestions = e.getSuggestions().isEmpty() ? ""
                : "; did you mean " + String.join(" or ", e.getSuggestions()) + "?";
        if (!failed.getSubcommands().isEmpty()) {
            return "unknown command '" + args.get(0) + "'; the commands are "
                    + String.join(", ", failed.getSubcommands().keySet()) + suggestions;
        }
        return (args.size() == 1 ? "unexpected argument " : "unexpected arguments ")
                + args.stream().map(a -> "'" + a + "'").collect(Collectors.joining(" ")) + suggestions;
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
    }
}
