package io.jenkins.plugins.sagemaker.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineFormatterTest {

    private final LineFormatter formatter = new LineFormatter(LineFormatter.DEFAULT_MAX_LINE_LENGTH);

    private List<String> format(LineFormatter lineFormatter, String message) {
        List<String> lines = new ArrayList<>();
        lineFormatter.format("algo-2", message, lines::add);
        return lines;
    }

    @Test
    void plainLineGetsHostPrefix() {
        assertThat(format(formatter, "epoch 1 loss=0.5")).containsExactly("[algo-2] epoch 1 loss=0.5");
    }

    @Test
    void emptyMessageIsOneEmptyLine() {
        assertThat(format(formatter, "")).containsExactly("[algo-2] ");
    }

    @Test
    void embeddedNewlinesSplitIntoPrefixedLines() {
        List<String> lines = format(formatter, "Traceback:\n  File \"train.py\"\r\nValueError: x\rnext");

        assertThat(lines).containsExactly(
                "[algo-2] Traceback:",
                "[algo-2]   File \"train.py\"",
                "[algo-2] ValueError: x",
                "[algo-2] next");
    }

    @Test
    void trailingNewlineAddsNoEmptyLine() {
        assertThat(format(formatter, "done\n")).containsExactly("[algo-2] done");
        assertThat(format(formatter, "a\n\nb")).containsExactly("[algo-2] a", "[algo-2] ", "[algo-2] b");
    }

    @Test
    void ansiColourSequencesAreKept() {
        String red = "\u001B[31mERROR\u001B[0m failed";

        assertThat(format(formatter, red)).containsExactly("[algo-2] " + red);
    }

    @Test
    void otherControlCharactersAreRemoved() {
        String message = "a\u0000b\u0007c\u007Fd\u0085e\tf\u001B]0;title\u0007g\u001Bh";

        assertThat(format(formatter, message)).containsExactly("[algo-2] abcde\tf]0;titlegh");
    }

    @Test
    void multiByteCharactersPassUnchanged() {
        String message = "Größe 数据 \uD83D\uDE80 ok";

        assertThat(format(formatter, message)).containsExactly("[algo-2] " + message);
    }

    @Test
    void unpairedSurrogateBecomesReplacementCharacter() {
        assertThat(format(formatter, "a\uD83Db")).containsExactly("[algo-2] a\uFFFDb");
        assertThat(format(formatter, "a\uDE80")).containsExactly("[algo-2] a\uFFFD");
    }

    @Test
    void longLineIsCutWithMarker() {
        String message = "x".repeat(200_000);

        List<String> lines = format(formatter, message);

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).isEqualTo("[algo-2] " + "x".repeat(16_384) + " … [cut 183,616 characters]");
    }

    @Test
    void lineAtLimitIsKept() {
        String message = "y".repeat(16_384);

        assertThat(format(formatter, message)).containsExactly("[algo-2] " + message);
    }

    @Test
    void cutKeepsSurrogatePairWhole() {
        LineFormatter shortLines = new LineFormatter(4);

        List<String> lines = format(shortLines, "abc\uD83D\uDE80def");

        assertThat(lines).containsExactly("[algo-2] abc … [cut 5 characters]");
    }

    @Test
    void cutKeepsEscapeSequenceWholeAndResetsColour() {
        LineFormatter shortLines = new LineFormatter(6);

        List<String> lines = format(shortLines, "ab\u001B[31mcdef");

        assertThat(lines).containsExactly("[algo-2] ab\u001B[0m … [cut 9 characters]");
    }

    @Test
    void eachSplitLineIsCutSeparately() {
        LineFormatter shortLines = new LineFormatter(3);

        List<String> lines = format(shortLines, "abcdef\nxy\n12345");

        assertThat(lines).containsExactly(
                "[algo-2] abc … [cut 3 characters]",
                "[algo-2] xy",
                "[algo-2] 123 … [cut 2 characters]");
    }

    @Test
    void zeroLimitIsRejected() {
        assertThatThrownBy(() -> new LineFormatter(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxLineLength");
    }
}
