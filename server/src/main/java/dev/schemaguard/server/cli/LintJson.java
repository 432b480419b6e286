package dev.schemaguard.server.cli;

import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintReport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code lint --format json}, written directly as UTF-8: the same document Jackson makes of a {@link LintReport} (the
 * MCP tool's structured content), without reflection, because a corpus can carry tens of thousands of findings and
 * this ran at a fifth of the whole lint's time through Jackson (docs/benchmarks.md). {@code CliTest} compares the two.
 */
final class LintJson {

    private LintJson() {}

    static void write(Writer target, LintReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(bytes, report);
        try {
            target.write(bytes.toString(StandardCharsets.UTF_8));
            target.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(OutputStream out, LintReport report) {
        // Findings are encoded in parallel chunks, in order, straight to UTF-8: with tens of thousands of them,
        // encoding
        // on one core (and then through a Writer's char conversion) was a quarter of the whole run. Most field values
        // repeat (rule, file, message …): each chunk encodes them once.
        List<Finding> findings = report.findings();
        int chunks = Math.max(1, Math.min(64, findings.size() / 1000));
        Utf8Json[] encoded = new Utf8Json[chunks];
        IntStream.range(0, chunks).parallel().forEach(k -> {
            int from = k * findings.size() / chunks;
            int to = (k + 1) * findings.size() / chunks;
            long estimate = 16;
            for (int i = from; i < to; i++) { // sized once: growing a buffer of megabytes copies it each time
                Finding f = findings.get(i);
                estimate += 320 + length(f.file()) + length(f.message()) + length(f.fix());
            }
            Utf8Json json = new Utf8Json((int) Math.min(estimate, Integer.MAX_VALUE - 16));
            Map<String, byte[]> known = new HashMap<>();
            for (int i = from; i < to; i++) {
                Finding f = findings.get(i);
                json.ascii(i == 0 ? "{" : ",{");
                field(json, known, "\"rule\":", f.rule());
                field(json, known, ",\"severity\":", f.severity().label());
                field(json, known, ",\"category\":", f.category().label());
                field(json, known, ",\"file\":", f.file());
                json.ascii(",\"line\":").number(f.line()).ascii(",\"column\":").number(f.column());
                field(json, known, ",\"message\":", f.message());
                if (f.fix() != null) {
                    json.ascii(",\"fix\":").string(f.fix());
                }
                field(json, known, ",\"lock\":", f.lock().sqlName());
                field(json, known, ",\"fingerprint\":", f.fingerprint());
                field(json, known, ",\"blocks\":", f.blocks());
                json.ascii("}");
            }
            encoded[k] = json;
        });
        Utf8Json tail = new Utf8Json(256).ascii("],\"summary\":{");
        boolean first = true;
        for (Map.Entry<String, Integer> e : report.summary().entrySet()) {
            tail.ascii(first ? "" : ",").string(e.getKey()).ascii(":").number(e.getValue());
            first = false;
        }
        tail.ascii("}");
        if (report.note() != null) {
            tail.ascii(",\"note\":").string(report.note());
        }
        tail.ascii("}\n");
        try {
            out.write(new Utf8Json(16).ascii("{\"findings\":[").bytes());
            for (Utf8Json chunk : encoded) {
                chunk.writeTo(out);
            }
            tail.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int length(String value) {
        return value == null ? 0 : value.length() + 16;
    }

    private static void field(Utf8Json json, Map<String, byte[]> known, String nameAndColon, String value) {
        if (value == null) {
            return;
        }
        json.ascii(nameAndColon);
        byte[] encoded = known.get(value);
        if (encoded == null) {
            encoded = new Utf8Json(value.length() + 8).string(value).bytes();
            if (known.size() < 10_000) {
                known.put(value, encoded);
            }
        }
        json.raw(encoded);
    }

    /** A growing UTF-8 buffer with JSON string escaping (as Jackson escapes: control characters, quote, backslash). */
    static final class Utf8Json {

        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

        private byte[] buffer;
        private int size;

        Utf8Json(int capacity) {
            buffer = new byte[Math.max(16, capacity)];
        }

        Utf8Json ascii(String text) {
            int n = text.length();
            room(n);
            text.getBytes(0, n, buffer, size); // deprecated for its lossy narrowing, exact for ASCII
            size += n;
            return this;
        }

        Utf8Json number(int value) {
            if (value < 0 || value >= 1_000_000) {
                return ascii(Integer.toString(value));
            }
            room(6);
            int digits =
                    value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10_000 ? 4 : value < 100_000 ? 5 : 6;
            for (int k = size + digits - 1; k >= size; k--) {
                buffer[k] = (byte) ('0' + value % 10);
                value /= 10;
            }
            size += digits;
            return this;
        }

        Utf8Json raw(byte[] bytes) {
            room(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
            return this;
        }

        Utf8Json string(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            room(utf8.length + 2);
            buffer[size++] = '"';
            int last = 0;
            for (int i = 0; i < utf8.length; i++) {
                int b = utf8[i] & 0xff;
                boolean lineSeparator = b == 0xe2
                        && i + 2 < utf8.length
                        && utf8[i + 1] == (byte) 0x80
                        && (utf8[i + 2] == (byte) 0xa8 || utf8[i + 2] == (byte) 0xa9);
                if (b >= 0x20 && b != '"' && b != '\\' && !lineSeparator) {
                    continue;
                }
                int run = i - last;
                room(run + 6);
                System.arraycopy(utf8, last, buffer, size, run);
                size += run;
                if (lineSeparator) {
                    // U+2028 and U+2029 end a line in JavaScript source: escaped, so the output can be embedded there
                    ascii(utf8[i + 2] == (byte) 0xa8 ? "\\u2028" : "\\u2029");
                    i += 2;
                } else {
                    escape(b);
                }
                last = i + 1;
            }
            int run = utf8.length - last;
            room(run + 1);
            System.arraycopy(utf8, last, buffer, size, run);
            size += run;
            buffer[size++] = '"';
            return this;
        }

        private void escape(int b) {
            buffer[size++] = '\\';
            switch (b) {
                case '"' -> buffer[size++] = '"';
                case '\\' -> buffer[size++] = '\\';
                case '\n' -> buffer[size++] = 'n';
                case '\r' -> buffer[size++] = 'r';
                case '\t' -> buffer[size++] = 't';
                default -> {
                    buffer[size++] = 'u';
                    buffer[size++] = '0';
                    buffer[size++] = '0';
                    buffer[size++] = HEX[b >> 4];
                    buffer[size++] = HEX[b & 0xf];
                }
            }
        }

        private void room(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(buffer, size);
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(buffer, 0, size);
        }
    }
}
