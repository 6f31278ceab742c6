package dev.imagesdk.core.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff (longest common subsequence) printed like a unified diff: {@code -} lines only in the first text,
 * {@code +} lines only in the second, two lines of context, and each hunk headed by the type (the last
 * non-indented line) its first change sits in.
 */
final class LineDiff {
    private static final int CONTEXT = 2;

    private LineDiff() {
    }

    static String diff(List<String> before, List<String> after) {
        int prefix = 0;
        while (prefix < before.size() && prefix < after.size() && before.get(prefix).equals(after.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < before.size() - prefix && suffix < after.size() - prefix
                && before.get(before.size() - 1 - suffix).equals(after.get(after.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> a = before.subList(prefix, before.size() - suffix);
        List<String> b = after.subList(prefix, after.size() - suffix);
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        // The whole edit script over the full texts: ' ' kept, '-' removed, '+' added.
        List<String> script = new ArrayList<>();
        for (int k = 0; k < prefix; k++) {
            script.add(" " + before.get(k));
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                script.add(" " + a.get(i));
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                script.add("-" + a.get(i));
                i++;
            } else {
                script.add("+" + b.get(j));
                j++;
            }
        }
        for (int k = before.size() - suffix; k < before.size(); k++) {
            script.add(" " + before.get(k));
        }
        return render(script);
    }

    private static String render(List<String> script) {
        int n = script.size();
        boolean[] show = new boolean[n];
        String[] typeAt = new String[n];
        String type = "(top)";
        for (int k = 0; k < n; k++) {
            String text = script.get(k).substring(1);
            if (!text.startsWith(" ") && !text.startsWith("#")) {
                type = text;
            }
            typeAt[k] = type;
            if (script.get(k).charAt(0) != ' ') {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(n - 1, k + CONTEXT); c++) {
                    show[c] = true;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < n; k++) {
            if (!show[k]) {
                continue;
            }
            if (k == 0 || !show[k - 1]) {
                int firstChange = k;
                while (script.get(firstChange).charAt(0) == ' ') {
                    firstChange++;
                }
                out.append("@@ ").append(typeAt[firstChange]).append('\n');
            }
            out.append(script.get(k)).append('\n');
        }
        return out.toString();
    }
}
