package com.paymentmigration.lambda.validator.changes;

import com.paymentmigration.lambda.validator.schema.TableName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One change as PostgreSQL's {@code test_decoding} plugin prints it (contrib/test_decoding/test_decoding.c,
 * {@code pg_decode_change} and {@code pg_decode_truncate}):
 * <pre>
 * table "Schema"."Name": INSERT: id[integer]:1 note[text]:'it''s' tags[text[]]:'{a,b}' paid[boolean]:true gone[text]:null
 * table s.t: UPDATE: old-key: id[integer]:1 new-tuple: id[integer]:2 body[text]:unchanged-toast-datum
 * table s.t: DELETE: id[integer]:2
 * table s.t: DELETE: (no-tuple-data)
 * table s.a, s.b: TRUNCATE: restart_seqs cascade
 * </pre>
 * Names are {@code quote_identifier}'s (double quotes, doubled inside), types {@code format_type_be}'s (arrays end in
 * {@code []}, so brackets nest), values the type's output: integers, floats, numerics bare, booleans {@code true} or
 * {@code false}, bit strings {@code B'0101'}, everything else in single quotes with quotes doubled; NULL is
 * {@code null} and a TOASTed value an UPDATE left unchanged is {@code unchanged-toast-datum}. An old tuple (DELETE,
 * and UPDATE's {@code old-key}) leaves out its NULL columns.
 *
 * @param tables   the table changed (several for one TRUNCATE)
 * @param oldTuple the replica identity's columns before an UPDATE that changed them, or of a DELETE; null if absent
 * @param newTuple every column after an INSERT or UPDATE; null if absent
 */
public record DecodedChange(List<TableName> tables, Action action, Map<String, Datum> oldTuple,
                            Map<String, Datum> newTuple) {

    public enum Action { INSERT, UPDATE, DELETE, TRUNCATE }

    /** A column's value: its text, or SQL NULL ({@code text} null), or a TOASTed value the change did not carry. */
    public record Datum(String text, boolean unchangedToast) {
        static final Datum NULL = new Datum(null, false);
        static final Datum UNCHANGED_TOAST = new Datum(null, true);
    }

    private static final String NO_TUPLE = "(no-tuple-data)";

    /** The change a line describes; empty for lines that change no row (BEGIN, COMMIT, logical messages). */
    public static Optional<DecodedChange> parse(String line) {
        if (!line.startsWith("table ")) {
            return Optional.empty();
        }
        return Optional.of(new Parser(line).change());
    }

    /** A line this parser cannot read: the caller checks the table in full rather than guess. */
    public static final class UnreadableChangeException extends RuntimeException {
        UnreadableChangeException(String message) {
            super(message);
        }
    }

    private static final class Parser {
        private final String line;
        private int at = "table ".length();

        Parser(String line) {
            this.line = line;
        }

        DecodedChange change() {
            var tables = new ArrayList<TableName>();
            do {
                var schema = identifier();
                expect(".");
                tables.add(new TableName(schema, identifier()));
            } while (skip(", "));
            expect(": ");
            var word = line.substring(at, Math.max(at, line.indexOf(':', at)));
            Action action;
            try {
                action = Action.valueOf(word);
            } catch (IllegalArgumentException e) {
                throw unreadable("unknown action '" + word + "'");
            }
            at += word.length() + 1;
            if (action == Action.TRUNCATE) {
                return new DecodedChange(List.copyOf(tables), action, null, null);
            }
            if (tables.size() != 1) {
                throw unreadable(action + " of several tables");
            }
            Map<String, Datum> before = null;
            if (action == Action.UPDATE && skip(" old-key:")) {
                before = tuple();
                expect(" new-tuple:");
            }
            var tuple = tuple();
            if (at != line.length()) {
                throw unreadable("unexpected text at " + at);
            }
            return action == Action.DELETE ? new DecodedChange(List.copyOf(tables), action, tuple, null)
                    : new DecodedChange(List.copyOf(tables), action, before, tuple);
        }

        /** Columns up to the end of the line or to UPDATE's {@code new-tuple:}; null for no tuple data. */
        private Map<String, Datum> tuple() {
            if (skip(" " + NO_TUPLE)) {
                return null;
            }
            var columns = new LinkedHashMap<String, Datum>();
            while (at < line.length() && !line.startsWith(" new-tuple:", at)) {
                expect(" ");
                var name = identifier();
                expect("[");
                type();
                expect(":");
                columns.put(name, value());
            }
            return columns;
        }

        /** A name as quote_identifier prints it: bare, or in double quotes with inner ones doubled. */
        private String identifier() {
            if (at < line.length() && line.charAt(at) == '"') {
                return quoted('"');
            }
            int start = at;
            while (at < line.length() && ".[:, ".indexOf(line.charAt(at)) < 0) {
                at++;
            }
            if (at == start) {
                throw unreadable("a name was expected at " + start);
            }
            return line.substring(start, at);
        }

        /** Skips the type up to its closing bracket: arrays nest brackets, quoted names may hold any character. */
        private void type() {
            int depth = 1;
            while (depth > 0) {
                if (at >= line.length()) {
                    throw unreadable("a type is not closed");
                }
                char c = line.charAt(at);
                if (c == '"') {
                    quoted('"');
                    continue;
                }
                depth += c == '[' ? 1 : c == ']' ? -1 : 0;
                at++;
            }
        }

        private Datum value() {
            if (at < line.length() && line.charAt(at) == '\'') {
                return new Datum(quoted('\''), false);
            }
            if (line.startsWith("B'", at)) {
                at++;
                return new Datum(quoted('\''), false);
            }
            int end = line.indexOf(' ', at);
            var token = line.substring(at, end < 0 ? line.length() : end);
            at += token.length();
            return switch (token) {
                case "null" -> Datum.NULL;
                case "unchanged-toast-datum" -> Datum.UNCHANGED_TOAST;
                case "" -> throw unreadable("a value was expected at " + at);
                default -> new Datum(token, false);
            };
        }

        /** Text between {@code quote} characters, a doubled one standing for itself. */
        private String quoted(char quote) {
            var text = new StringBuilder();
            at++;
            while (true) {
                int next = line.indexOf(quote, at);
                if (next < 0) {
                    throw unreadable("a " + quote + " is not closed");
                }
                text.append(line, at, next);
                at = next + 1;
                if (at < line.length() && line.charAt(at) == quote) {
                    text.append(quote);
                    at++;
                } else {
                    return text.toString();
                }
            }
        }

        private boolean skip(String literal) {
            if (line.startsWith(literal, at)) {
                at += literal.length();
                return true;
            }
            return false;
        }

        private void expect(String literal) {
            if (!skip(literal)) {
                throw unreadable("'" + literal + "' expected at " + at);
            }
        }

        private UnreadableChangeException unreadable(String what) {
            var shown = line.length() > 200 ? line.substring(0, 200) + "..." : line;
            return new UnreadableChangeException("cannot read the decoded change (" + what + "): " + shown);
        }
    }
}
