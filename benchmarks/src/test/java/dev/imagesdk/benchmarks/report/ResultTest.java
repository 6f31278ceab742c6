package dev.imagesdk.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ResultTest {
    private static Result timed(String contender, Double... seconds) {
        return new Result("w", contender, "s", false, List.of(seconds), 1_000_000_000L, "cmd", "");
    }

    @Test
    void medianMinMaxOfOddAndEvenCounts() {
        Result odd = timed("a", 3.0, 1.0, 2.0);
        assertThat(odd.median()).isEqualTo(2.0);
        assertThat(odd.min()).isEqualTo(1.0);
        assertThat(odd.max()).isEqualTo(3.0);
        assertThat(timed("b", 4.0, 1.0, 2.0, 3.0).median()).isEqualTo(2.5);
    }

    @Test
    void ratioAboveOneMeansOursIsBetterForTimesAndRates() {
        Result ours = timed(Results.OURS, 2.0, 2.0, 2.0);
        Result slowerPeer = timed("peer", 3.0, 3.0, 3.0);
        assertThat(slowerPeer.ratioVsOurs(ours)).isCloseTo(1.5, within(1e-9));
        assertThat(ours.megabytesPerSecond()).isCloseTo(500.0, within(1e-9));

        Result oursRate = new Result("d", Results.OURS, "pages/s", true, List.of(800.0), 0, "", "");
        Result peerRate = new Result("d", "peer", "pages/s", true, List.of(400.0), 0, "", "");
        assertThat(peerRate.ratioVsOurs(oursRate)).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void failedContenderHasNoNumbersAndJsonSaysNull() {
        Results all = new Results();
        all.add(timed(Results.OURS, 1.0));
        all.add(Result.failed("w", "peer", "s", "cmd", "exit 1: \"boom\""));
        String json = all.toJson();
        assertThat(json).contains("\"contender\": \"peer\", \"unit\": \"s\", \"median\": null")
                .contains("\"runs\": 0, \"ratio_vs_ours\": null")
                .contains("\"note\": \"exit 1: \\\"boom\\\"\"");
        assertThat(all.toMarkdownTables()).contains("| peer | **did not run** |");
    }
}
