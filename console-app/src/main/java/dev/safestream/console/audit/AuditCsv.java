package dev.safestream.console.audit;

import dev.safestream.console.net.AuditRecord;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes audit records as RFC 4180 CSV (header line, quoted fields, CRLF). */
public final class AuditCsv {
    private static final String HEADER = "at,channel,actor,action,target,duration_seconds,reason";

    private AuditCsv() {}

    public static void write(List<AuditRecord> records, Writer out) throws IOException {
        out.write(HEADER + "\r\n");
        for (AuditRecord r : records) {
            out.write(String.join(
                            ",",
                            field(r.at() == null ? "" : r.at().toString()),
                            field(r.channel()),
                            field(r.actor()),
                            field(r.action()),
                            field(r.target()),
                            field(
                                    r.durationSeconds() == null
                                            ? ""
                                            : r.durationSeconds().toString()),
                            field(r.reason()))
                    + "\r\n");
        }
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        // a leading = + - @ would run as a formula in a spreadsheet
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
