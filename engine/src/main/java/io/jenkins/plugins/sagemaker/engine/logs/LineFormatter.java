package io.jenkins.plugins.sagemaker.engine.logs;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Turns one CloudWatch log event into console lines, each prefixed with the event's host.
 *
 * <p>Rules, applied in this order:
 *
 * <ul>
 *   <li>Line breaks ({@code \n}, {@code \r\n} and a lone {@code \r}) split the message into separate
 *       console lines, each with the host prefix. A break at the very end of the message adds no
 *       empty line.
 *   <li>ANSI CSI escape sequences ({@code ESC [ ... final byte}, such as colours) are kept, because
 *       Jenkins consoles render them with the AnsiColor plugin. Every other control character is
 *       removed: C0 controls except TAB, a lone or non-CSI {@code ESC}, DEL and C1 controls.
 *   <li>An unpaired surrogate becomes U+FFFD.
 *   <li>A line longer than the limit keeps its first characters and ends with a marker such as
 *       {@code … [cut 183,616 characters]}. Lengths count UTF-16 code units after the removals above
 *       and without the prefix. The cut never splits a surrogate pair or an escape sequence, and a
 *       cut line that contained escape sequences gets a reset ({@code ESC [0m}) before the marker so
 *       its colour does not run into the next line.
 * </ul>
 */
public final class LineFormatter {

    /** Default maximum length of one console line, in UTF-16 code units, without the host prefix. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 16_384;

    private static final char ESC = '\u001B';
    private static final String RESET = ESC + "[0m";

    private final int maxLineLength;

    /**
     * Creates a formatter.
     *
     * @param maxLineLength maximum length of one console line in UTF-16 code units, at least 1
     */
    public LineFormatter(int maxLineLength) {
        if (maxLineLength < 1) {
            throw new IllegalArgumentException(
                    "maxLineLength must be at least 1, got " + maxLineLength);
        }
        this.maxLineLength = maxLineLength;
    }

    /** Returns the maximum length of one console line in UTF-16 code units. */
    public int maxLineLength() {
        return maxLineLength;
    }

    /**
     * Formats one log event.
     *
     * @param host host shown in brackets before each line, such as {@code algo-1}
     * @param message message of the event as CloudWatch returned it
     * @param out receives each console line, without a line terminator
     */
    public void format(String host, String message, Consumer<String> out) {
        String prefix = "[" + host + "] ";
        if (isPlain(message)) {
            out.accept(prefix + message);
            return;
        }
        new LineBuilder(prefix, out).append(message);
    }

    /** Returns whether the message needs none of the rules: short, printable, one line. */
    private boolean isPlain(String message) {
        if (message.length() > maxLineLength) {
            return false;
        }
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c < 0xA0) || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Builds the console lines of one message, one pass over its characters. */
    private final class LineBuilder {
        private final String prefix;
        private final Consumer<String> out;
        private final StringBuilder line = new StringBuilder();
        private int keptLength;
        private long cut;
        private boolean hasEscape;

        LineBuilder(String prefix, Consumer<String> out) {
            this.prefix = prefix;
            this.out = out;
            line.append(prefix);
        }

        void append(String message) {
            int length = message.length();
            int i = 0;
            while (i < length) {
                char c = message.charAt(i);
                if (c == '\n') {
                    endLine();
                    i++;
                } else if (c == '\r') {
                    endLine();
                    boolean crlf = i + 1 < length && message.charAt(i + 1) == '\n';
                    i += crlf ? 2 : 1;
                } else if (c == ESC) {
                    int end = csiEnd(message, i);
                    if (end > i) {
                        hasEscape = true;
                        add(message, i, end);
                    }
                    // A malformed or non-CSI sequence loses only its ESC; the rest shows as text.
                    i = end > i ? end : i + 1;
                } else if (Character.isHighSurrogate(c)
                        && i + 1 < length
                        && Character.isLowSurrogate(message.charAt(i + 1))) {
                    add(message, i, i + 2);
                    i += 2;
                } else if (Character.isSurrogate(c)) {
                    addChar('\uFFFD');
                    i++;
                } else if ((c < 0x20 && c != '\t') || (c >= 0x7F && c < 0xA0)) {
                    i++;
                } else {
                    addChar(c);
                    i++;
                }
            }
            // A trailing line break ends the last line already; the message adds no empty line.
            if (line.length() > prefix.length() || cut > 0 || !endsWithBreak(message)) {
                endLine();
            }
        }

        /** Adds characters that must stay together (a surrogate pair or an escape sequence). */
        private void add(String message, int start, int end) {
            int count = end - start;
            if (cut == 0 && keptLength + count <= maxLineLength) {
                line.append(message, start, end);
                keptLength += count;
            } else {
                cut += count;
            }
        }

        private void addChar(char c) {
            if (cut == 0 && keptLength < maxLineLength) {
                line.append(c);
                keptLength++;
            } else {
                cut++;
            }
        }

        private void endLine() {
            if (cut > 0) {
                if (hasEscape) {
                    line.append(RESET);
                }
                line.append(String.format(Locale.ROOT, " … [cut %,d characters]", cut));
            }
            out.accept(line.toString());
            line.setLength(prefix.length());
            keptLength = 0;
            cut = 0;
            hasEscape = false;
        }
    }

    private static boolean endsWithBreak(String message) {
        if (message.isEmpty()) {
            return false;
        }
        char last = message.charAt(message.length() - 1);
        return last == '\n' || last == '\r';
    }

    /**
     * Returns the index after the CSI sequence that starts at {@code start}, or {@code start} when
     * no complete CSI sequence starts there. A CSI sequence is ESC, '[', parameter bytes 0x30-0x3F,
     * intermediate bytes 0x20-0x2F and one final byte 0x40-0x7E (ECMA-48).
     */
    static int csiEnd(String s, int start) {
        int i = start + 1;
        if (i >= s.length() || s.charAt(i) != '[') {
            return start;
        }
        i++;
        while (i < s.length() && s.charAt(i) >= 0x30 && s.charAt(i) <= 0x3F) {
            i++;
        }
        while (i < s.length() && s.charAt(i) >= 0x20 && s.charAt(i) <= 0x2F) {
            i++;
        }
        if (i < s.length() && s.charAt(i) >= 0x40 && s.charAt(i) <= 0x7E) {
            return i + 1;
        }
        return start;
    }
}
