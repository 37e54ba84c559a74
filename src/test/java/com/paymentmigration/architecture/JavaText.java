package com.paymentmigration.architecture;

/** Java source as code only: what tests that read sources as text must not mistake for code. */
public final class JavaText {

    private JavaText() {
    }

    /** Blanks out comments, keeping literals and line breaks. */
    public static String withoutComments(String source) {
        return blankOut(source, false);
    }

    /** Blanks out comments and string, text-block and char literals, keeping line breaks. */
    public static String withoutCommentsAndLiterals(String source) {
        return blankOut(source, true);
    }

    private static String blankOut(String source, boolean literalsToo) {
        var out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            int end;
            boolean literal = false;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end + 3;
                literal = true;
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 1);
                literal = true;
            } else {
                out.append(c);
                i++;
                continue;
            }
            if (literal && !literalsToo) {
                out.append(source, i, end);
            } else {
                for (int k = i; k < end; k++) {
                    out.append(source.charAt(k) == '\n' ? '\n' : ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }
}
