package io.rapport.contacts.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes (a quote inside is doubled;
 * quoted fields may hold commas and line breaks), CRLF or LF line ends, a leading BOM ignored.
 */
public final class CsvParser {

    private CsvParser() {
    }

    /** One record and the line it starts on (1-based). {@code error} is set when the record is malformed. */
    public record Row(int line, List<String> fields, String error) {
    }

    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            String error = null;
            boolean quoted = false;
            boolean wasQuoted = false;
            boolean endOfRecord = false;
            while (i < n && !endOfRecord) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                        } else {
                            quoted = false;
                            i++;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                        i++;
                    }
                } else if (c == '"') {
                    if (field.length() == 0 && !wasQuoted) {
                        quoted = true;
                        wasQuoted = true;
                    } else if (error == null) {
                        error = "a quote may only open a field";
                    }
                    i++;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                    i++;
                } else if (c == '\r' || c == '\n') {
                    i += (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1;
                    line++;
                    endOfRecord = true;
                } else {
                    if (wasQuoted && error == null) {
                        error = "text after a closing quote";
                    }
                    field.append(c);
                    i++;
                }
            }
            if (quoted && error == null) {
                error = "a quoted field is not closed";
            }
            fields.add(field.toString());
            boolean blank = fields.size() == 1 && fields.get(0).isBlank() && !wasQuoted;
            if (!blank) {
                rows.add(new Row(startLine, fields, error));
            }
        }
        return rows;
    }
}
