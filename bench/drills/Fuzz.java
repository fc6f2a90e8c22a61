import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Malformed requests over every endpoint, written byte by byte on raw sockets (so that nothing a
 * client library would refuse to send is left out), with nothing but the JDK:
 * java bench/drills/Fuzz.java HOST PORT OPERATIONS AUTH OUT
 *
 * <p>OPERATIONS: "METHOD path-template query,params body|-" lines (from the published OpenAPI document).
 * AUTH: "name=value" lines: citizen, ops (bearer tokens), apikey, code (a real dossier code).
 * Every endpoint gets the generic families (path tricks, query abuse, header abuse, odd methods,
 * broken framing), and each one with a body gets the body families (broken JSON, wrong types,
 * invalid Unicode, huge and deeply nested bodies). Every malformed value is one that no valid
 * request carries, so a request that changes stored data is a finding. OUT gets a line per request:
 * family, endpoint, variant, status (0: no answer), whether an error was problem+json, ms.
 */
public final class Fuzz {

    private record Req(String family, String op, String variant, byte[] bytes, boolean framingBroken) {
    }

    private static final Map<String, String> TEMPLATES = new LinkedHashMap<>();

    static {
        TEMPLATES.put("PUT /api/v1/ops/points/{id}", """
                {"type":"WARD_POINT","name":"Điểm thử","address":"1 Tràng Tiền","wardCode":"00070","lat":21.02,"lon":105.85,\
                "coordinateQuality":"surveyed","openingHours":[{"day":"MONDAY","opens":"08:00","closes":"17:00"}],"note":"n","active":true}""");
        TEMPLATES.put("PUT /api/v1/ops/holidays/{date}", "{\"name\":\"Ngày thử\"}");
        TEMPLATES.put("PUT /api/v1/agent/webhook", "{\"url\":\"https://127.0.0.1/hook\",\"secret\":\"whsec_abcdefghijklmnopqrstuvwxyz012345\"}");
        TEMPLATES.put("POST /api/v1/ops/api-keys",
                "{\"clientId\":\"drill-fuzz\",\"kind\":\"agent\",\"scopes\":[\"dossiers:read\"],\"rateTier\":\"standard\",\"label\":\"x\","
                + "\"agencies\":[\"H26.99\"]}");
        TEMPLATES.put("POST /api/v1/me/dossiers/{code}/rating", "{\"score\":5,\"comment\":\"tốt\"}");
        TEMPLATES.put("POST /api/v1/me/devices", "{\"token\":\"drill-fuzz-device-token-0001\",\"platform\":\"android\",\"locale\":\"vi\"}");
        TEMPLATES.put("POST /api/v1/dossiers/lookup", "{\"code\":\"H26.99-251122-0001\",\"secret\":\"ABCDEFGH\"}");
        TEMPLATES.put("POST /api/v1/coverage/what-if", "{\"mode\":\"walk\",\"add\":[{\"lat\":21.0,\"lon\":105.8}],\"remove\":[\"W00070\"]}");
        TEMPLATES.put("POST /api/v1/agent/events:batch",
                "{\"events\":[{\"code\":\"@code\",\"eventId\":\"fuzz-1\",\"status\":4,\"occurredAt\":\"2026-01-01T00:00:00Z\"}]}");
        TEMPLATES.put("POST /api/v1/agent/dossiers/{code}/events",
                "{\"eventId\":\"fuzz-1\",\"status\":4,\"occurredAt\":\"2026-01-01T00:00:00Z\",\"agency\":\"Phòng\",\"note\":\"n\"}");
        TEMPLATES.put("POST /api/v1/agent/dossiers", """
                {"agencyCode":"H26.99","procedureCode":"1.000894","procedureName":"Đăng ký kết hôn","field":"Hộ tịch",\
                "applicantCitizenId":"001099012345","applicantName":"Nguyễn Văn An","receivingPointId":"W00070",\
                "receivedAt":"2026-01-01T00:00:00Z","dueAt":"2026-01-05T00:00:00Z","channel":"counter","resultDelivery":"counter"}""");
    }

    private static final String[] WRONG_FOR_STRING = {"{}", "[]", "[\"a\"]", "{\"$gt\":\"\"}"};
    private static final String[] WRONG_FOR_NUMBER = {"\"abc\"", "{}", "[]", "1e309", "-1e309", "99999999999999999999999999"};
    private static final String[] WRONG_FOR_BOOLEAN = {"\"abc\"", "{}", "[]"};
    private static final String[] WRONG_FOR_ARRAY = {"\"abc\"", "{}", "1", "[null]", "[[[]]]"};
    private static final String[] WRONG_FOR_OBJECT = {"\"abc\"", "[]", "1", "null"};
    /** String values that are not text: escapes of lone surrogates, NUL, bidi overrides; raw bytes that are not UTF-8. */
    private static final Object[] BAD_UNICODE = {"\"\\uD800\"", "\"a\\uDFFF\\uD800b\"", "\"\\u0000\"", "\"\\u202Eevil\"",
            new byte[] {'"', (byte) 0xC3, 0x28, '"'}, new byte[] {'"', (byte) 0xFF, (byte) 0xFE, '"'},
            new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'}, new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},
            new byte[] {'"', (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80, '"'}};
    private static final String[] BROKEN_JSON = {"{", "}", "{\"a\":}", "[1,2", "{\"a\":1,}", "nul", "{'a':1}", "{\"a\":NaN}",
            "{\"a\":Infinity}", "{} garbage", "", " ", "\"just a string\"", "123", "[]", "null", "true", "\uFEFF{}", "{\"a\":\"\\x\"}",
            "{\"a\":\"\\uZZZZ\"}", "/* c */ {}", "{\"a\" 1}", "{\"a\":01}", "{\"a\":.5}", "{\"a\":+1}", "[,]", "{,}", "{\"\":\"\"}",
            "{\"a\":\"unterminated}", "{\"__proto__\":{\"admin\":true}}"};
    private static final String[] PATH_VALUES = {"..%2f..%2factuator%2fhealth", "%2e%2e", "..", ".", "%00", "%252e%252e%252f", "a".repeat(5000),
            "x;jsessionid=1", "%E2%80%AE", "%C3%28", "%FF%FE", "%5c..%5c..%5cwin.ini", "%20", "'%20OR%20'1'='1", "$(id)", "%7B%7D",
            "W00070%0d%0aX-Injected:%201", "%", "%zz", "\u00e9"};
    private static final String[] PATH_SUFFIXES = {"/../actuator/health", "/..;/actuator", "/%2e%2e/%2e%2e/actuator", "//", "/.", ";x=y",
            "%00", "/%C3%28", "/" + "b".repeat(9000), "%2f..%2f..%2fops%2fapi-keys"};
    private static final String[] QUERY_VALUES = {"abc", "-1", "99999999999999999999", "1e309", "NaN", "Infinity", "-0", "0x10", "%00",
            "%C3%28", "%FF", "'%20OR%201=1--", "%3Cscript%3E", "a".repeat(20000), "%zz", "", "[]", "1,2"};

    private Fuzz() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Map<String, String> auth = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of(args[3]))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                auth.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        List<Req> reqs = new ArrayList<>();
        List<String> ops = Files.readAllLines(Path.of(args[2])).stream().filter(l -> !l.isBlank()).toList();
        for (String line : ops) {
            String[] f = line.split(" ", -1);
            if (f.length > 3 && f[3].equals("body") && !TEMPLATES.containsKey(f[0] + " " + f[1])) {
                throw new IllegalStateException("no body template for " + f[0] + " " + f[1] + ": add one to Fuzz.TEMPLATES");
            }
            generate(reqs, f[0], f[1], f.length > 2 && !f[2].isEmpty() ? f[2].split(",") : new String[0], auth, host, port);
        }
        Collections.shuffle(reqs, new java.util.Random(8));
        ConcurrentLinkedQueue<String> out = new ConcurrentLinkedQueue<>();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (Req r : reqs) {
            pool.submit(() -> {
                long began = System.nanoTime();
                String[] answer = send(host, port, r);
                out.add(String.join("\t", r.family(), r.op(), r.variant(), answer[0], answer[1],
                        String.format(Locale.ROOT, "%.0f", (System.nanoTime() - began) / 1e6), r.framingBroken() ? "1" : "0", answer[2]));
                done.incrementAndGet();
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(20, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args[4])))) {
            out.forEach(w::println);
        }
        System.out.println("fuzz requests=" + done.get() + " endpoints=" + ops.size());
    }

    private static void generate(List<Req> reqs, String method, String template, String[] query, Map<String, String> auth,
            String host, int port) {
        String op = method + " " + template;
        String path = fill(template, auth);
        List<String> authHeaders = authFor(template, auth);
        String base = String.join("&", baseQuery(template));
        String target = path + (base.isEmpty() ? "" : "?" + base);
        boolean hasBody = TEMPLATES.containsKey(op);
        String json = hasBody ? TEMPLATES.get(op).replace("@code", auth.getOrDefault("code", "X")) : null;
        byte[] invalidBody = hasBody ? "{}".getBytes(StandardCharsets.UTF_8) : null;
        // path tricks
        if (template.contains("{")) {
            for (String v : PATH_VALUES) {
                String p = template.replaceAll("\\{[^}]+}", Matcher.quoteReplacement(v));
                reqs.add(req("path", op, "param=" + shorten(v), method, p, authHeaders, hasBody ? invalidBody : null, "application/json"));
            }
        }
        for (String s : PATH_SUFFIXES) {
            reqs.add(req("path", op, "suffix=" + shorten(s), method, path + s, authHeaders, hasBody ? invalidBody : null, "application/json"));
        }
        reqs.add(req("path", op, "upper-case", method, path.toUpperCase(Locale.ROOT), authHeaders, hasBody ? invalidBody : null, "application/json"));
        reqs.add(req("path", op, "absolute-form", method, "http://evil.invalid" + path, authHeaders, hasBody ? invalidBody : null, "application/json"));
        // query abuse
        String[] names = query.length > 0 ? query : new String[] {"__proto__", "constructor[prototype]"};
        for (String name : names) {
            for (String v : QUERY_VALUES) {
                String q = base.isEmpty() ? name + "=" + v : base.replaceAll("(^|&)" + Pattern.quote(name) + "=[^&]*", "") + "&" + name + "=" + v;
                reqs.add(req("query", op, name + "=" + shorten(v), method, path + "?" + q.replaceAll("^&", ""), authHeaders,
                        hasBody ? invalidBody : null, "application/json"));
            }
            reqs.add(req("query", op, name + " repeated", method, path + "?" + name + "=1&" + name + "=2&" + name + "=abc", authHeaders,
                    hasBody ? invalidBody : null, "application/json"));
        }
        // header abuse
        byte[] b = hasBody ? invalidBody : null;
        String[][] headerSets = {
                {"X-Big: " + "h".repeat(20 * 1024)}, {"X-Huge: " + "h".repeat(70 * 1024)}, manyHeaders(300),
                {"Authorization: Bearer"}, {"Authorization: Bearer a.b.c"}, {"Authorization: Basic YWRtaW46YWRtaW4="},
                {"Authorization: Bearer " + noneToken()}, {"Authorization: Bearer " + "x".repeat(12000)},
                {"X-Api-Key: hcc_" + "z".repeat(40)}, {"X-Api-Key: "}, {"X-Api-Key: " + "k".repeat(9000)},
                {"X-Api-Key: " + auth.getOrDefault("apikey", "k"), "Authorization: " + auth.getOrDefault("citizen", "x")},
                {"X-Hcc-Identity: forged.token.value"}, {"X-Request-Id: " + "r".repeat(300)}, {"X-Request-Id: bad id\u0001"},
                {"X-Forwarded-For: 999.999.999.999, ::zz, " + "1.2.3.4, ".repeat(200)}, {"Idempotency-Key: " + "i".repeat(300)},
                {"Idempotency-Key: "}, {"Idempotency-Key: tab\there"}, {"Accept: text/html"}, {"Accept: application/xml"},
                {"Accept-Encoding: gzip;q=bogus, br, zstd"}, {"Cookie: " + "c=1; ".repeat(2000)}, {"Origin: http://evil.invalid"},
                {"Range: bytes=0-1,2-3,4-5"}, {"Expect: 100-continue"}};
        for (String[] extra : headerSets) {
            List<String> headers = new ArrayList<>(extra[0].startsWith("Authorization") || extra[0].startsWith("X-Api-Key")
                    ? List.of() : authHeaders);
            headers.addAll(List.of(extra));
            reqs.add(req("header", op, shorten(extra[0]), method, target, headers, b, "application/json"));
        }
        if (hasBody || method.equals("POST") || method.equals("PUT")) {
            String body = json == null ? "{}" : json;
            for (String ct : new String[] {"text/plain", "application/xml", "multipart/form-data; boundary=x", ";;;", "application/x-www-form-urlencoded"}) {
                // a valid shape under a content type that is not JSON: refused, so it changes nothing (a
                // charset parameter on application/json is not among them: RFC 8259 gives it no meaning)
                reqs.add(req("header", op, "Content-Type: " + ct, method, target, authHeaders, body.getBytes(StandardCharsets.UTF_8), ct));
            }
        }
        // raw header syntax
        reqs.add(raw("header", op, "header without colon", method, target, authHeaders, "NoColonHere"));
        reqs.add(raw("header", op, "header name with space", method, target, authHeaders, "Bad Name: x"));
        reqs.add(raw("header", op, "obs-fold", method, target, authHeaders, "X-Fold: a\r\n  continued"));
        reqs.add(raw("header", op, "non-ASCII bytes", method, target, authHeaders, "X-Bytes: \u00ff\u00fe"));
        // odd methods
        for (String m : new String[] {"TRACE", "PROPFIND", "get", "FOO", "M".repeat(300), "CONNECT"}) {
            reqs.add(req("method", op, shorten(m), m, m.equals("CONNECT") ? host + ":" + port : target, authHeaders, null, null));
        }
        // broken framing
        String a = String.join("", authHeaders.stream().map(h -> h + "\r\n").toList());
        String bodyText = hasBody ? "{}" : "";
        framing(reqs, op, "Content-Length larger than the body", method + " " + target + " HTTP/1.1\r\nHost: x\r\n" + a
                + "Content-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{}");
        framing(reqs, op, "Content-Length negative", method + " " + target + " HTTP/1.1\r\nHost: x\r\n" + a
                + "Content-Length: -1\r\nConnection: close\r\n\r\n" + bodyText);
        framing(reqs, op, "Content-Length not a number", method + " " + target + " HTTP/1.1\r\nHost: x\r\n" + a
                + "Content-Length: abc\r\nConnection: close\r\n\r\n" + bodyText);
        framing(reqs, op, "Content-Length twice, differing", method + " " + target + " HTTP/1.1\r\nHost: x\r\n" + a
                + "Content-Length: 2\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{}");
        framing(reqs, op, "Content-Length and chunked", method + " " + target + " HTTP/1.1\r\nHost: x\r\n" + a
                + "Content-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
        framing(reqs, op, "broken chunks", method + " " + target + " HTTP/1.1\r\nHost: x\r\n" + a
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n");
        framing(reqs, op, "HTTP/9.9", method + " " + target + " HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n");
        framing(reqs, op, "no Host", method + " " + target + " HTTP/1.1\r\n" + a + "Connection: close\r\n\r\n");
        framing(reqs, op, "space in target", method + " " + target + " x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        if (!hasBody) {
            return;
        }
        // bodies
        for (String broken : BROKEN_JSON) {
            reqs.add(req("json", op, shorten(broken), method, target, authHeaders, broken.getBytes(StandardCharsets.UTF_8), "application/json"));
        }
        reqs.add(req("json", op, "random bytes", method, target, authHeaders, randomBytes(op.hashCode(), 512), "application/json"));
        reqs.add(req("json", op, "template truncated", method, target, authHeaders,
                json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8), "application/json"));
        Map<String, String> fields = topLevelFields(json);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String v = field.getValue();
            String[] wrong = v.startsWith("\"") ? WRONG_FOR_STRING : v.startsWith("[") ? WRONG_FOR_ARRAY : v.startsWith("{") ? WRONG_FOR_OBJECT
                    : v.equals("true") || v.equals("false") ? WRONG_FOR_BOOLEAN : WRONG_FOR_NUMBER;
            for (String w : wrong) {
                Map<String, String> copy = new LinkedHashMap<>(fields);
                copy.put(field.getKey(), w);
                reqs.add(req("types", op, field.getKey() + "=" + shorten(w), method, target, authHeaders, object(copy), "application/json"));
            }
            String dup = "{" + json.substring(1, json.length() - 1) + ",\"" + field.getKey() + "\":" + wrong[0] + "}";
            reqs.add(req("types", op, field.getKey() + " twice, the last wrong", method, target, authHeaders,
                    dup.getBytes(StandardCharsets.UTF_8), "application/json"));
            if (v.startsWith("\"")) {
                for (Object bad : BAD_UNICODE) {
                    byte[] badBytes = bad instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) bad;
                    reqs.add(req("unicode", op, field.getKey() + "=" + hex(badBytes), method, target, authHeaders,
                            object(fields, field.getKey(), badBytes), "application/json"));
                }
            }
        }
        String limitBody = op.contains("/agent/") ? "6MB" : "1.5MB";
        int huge = op.contains("/agent/") ? 6 * 1024 * 1024 : 1536 * 1024;
        reqs.add(req("huge", op, "body of " + limitBody, method, target, authHeaders,
                ("{\"padding\":\"" + "a".repeat(huge) + "\"}").getBytes(StandardCharsets.UTF_8), "application/json"));
        reqs.add(req("huge", op, "900KB of padding, no fields", method, target, authHeaders,
                ("{\"padding\":\"" + "a".repeat(900 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8), "application/json"));
        reqs.add(req("huge", op, "100,000 keys", method, target, authHeaders, manyKeys(100_000), "application/json"));
        reqs.add(req("nested", op, "100,000 nested arrays", method, target, authHeaders,
                ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8), "application/json"));
        reqs.add(req("nested", op, "20,000 nested objects", method, target, authHeaders,
                ("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)).getBytes(StandardCharsets.UTF_8), "application/json"));
        reqs.add(req("nested", op, "3,000 nested in a field", method, target, authHeaders,
                object(fields, fields.keySet().iterator().next(), ("[".repeat(3000) + "]".repeat(3000)).getBytes(StandardCharsets.UTF_8)),
                "application/json"));
    }

    private static String fill(String template, Map<String, String> auth) {
        return template.replace("{code}", auth.getOrDefault("code", "X")).replace("{id}", template.contains("/points/") ? "DRILLFUZZ" : "999999")
                .replace("{date}", "2099-01-01").replace("{token}", "drill-no-such-device-token");
    }

    private static List<String> baseQuery(String template) {
        return template.equals("/api/v1/points/nearest") ? List.of("lat=21.0285", "lon=105.8542") : List.of();
    }

    private static List<String> authFor(String template, Map<String, String> auth) {
        if (template.startsWith("/api/v1/me")) {
            return List.of("Authorization: " + auth.get("citizen"));
        } else if (template.startsWith("/api/v1/ops")) {
            return List.of("Authorization: " + auth.get("ops"));
        } else if (template.startsWith("/api/v1/agent")) {
            return List.of("X-Api-Key: " + auth.get("apikey"));
        }
        return List.of();
    }

    private static Req req(String family, String op, String variant, String method, String target, List<String> headers, byte[] body,
            String contentType) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        if (body != null) {
            head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        b.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1.newEncoder().canEncode(head) ? StandardCharsets.ISO_8859_1
                : StandardCharsets.UTF_8));
        if (body != null) {
            b.writeBytes(body);
        }
        return new Req(family, op, variant, b.toByteArray(), false);
    }

    private static Req raw(String family, String op, String variant, String method, String target, List<String> headers, String line) {
        return req(family, op, variant, method, target, concat(headers, line), null, null);
    }

    private static void framing(List<Req> reqs, String op, String variant, String text) {
        reqs.add(new Req("framing", op, variant, text.getBytes(StandardCharsets.ISO_8859_1), true));
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> all = new ArrayList<>(a);
        all.add(b);
        return all;
    }

    /** status, whether it was problem+json with that status (or 2xx/3xx), and the first bytes of an error body that was not. */
    private static String[] send(String host, int port, Req r) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(r.bytes());
                out.flush();
                if (r.framingBroken()) {
                    s.shutdownOutput();
                }
            } catch (IOException e) {
                // the server may answer (413, 431) and close before the whole request is written
            }
            byte[] response = readAll(s.getInputStream());
            String text = new String(response, StandardCharsets.ISO_8859_1);
            int interim = text.indexOf("\r\n\r\n");
            if (text.startsWith("HTTP/1.1 100") && interim > 0) {
                response = java.util.Arrays.copyOfRange(response, interim + 4, response.length);
                text = text.substring(interim + 4);
            }
            if (!text.startsWith("HTTP/1.")) {
                return new String[] {"0", "0", response.length == 0 ? "closed without an answer" : shorten(text)};
            }
            int status = Integer.parseInt(text.substring(9, 12));
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            byte[] raw = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(response, end + 4, response.length);
            if (Pattern.compile("(?im)^transfer-encoding:\\s*chunked").matcher(head).find()) {
                raw = dechunked(raw);
            }
            if (Pattern.compile("(?im)^content-encoding:\\s*gzip").matcher(head).find()) {
                try (InputStream gz = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                    raw = gz.readAllBytes();
                } catch (IOException e) {
                    // left as it came
                }
            }
            String body = new String(raw, StandardCharsets.UTF_8);
            Matcher ct = Pattern.compile("(?im)^content-type:\\s*([^\r\n;]+)").matcher(head);
            boolean problem = ct.find() && ct.group(1).trim().equalsIgnoreCase("application/problem+json")
                    && body.trim().startsWith("{") && body.contains("\"status\":" + status) && body.contains("\"type\"") && body.contains("\"title\"");
            boolean ok = status < 400 || problem;
            String seen = Pattern.compile("(?im)^x-request-id:").matcher(head).find() ? "[with a request id] " : "[no request id] ";
            String detail = seen + (head.replaceAll("(?im)^(date|x-request-id|set-cookie):[^\r\n]*\r\n", "").replace("\r\n", " | ") + " || " + body)
                    .replaceAll("[\\t\\r\\n]", " ");
            return new String[] {String.valueOf(status), ok ? "1" : "0", ok ? "" : detail.substring(0, Math.min(400, detail.length()))};
        } catch (IOException e) {
            return new String[] {"0", "0", e.getClass().getSimpleName() + ": " + e.getMessage()};
        }
    }

    /** The body of a chunked answer without its chunk framing; what framing there is, as far as it goes. */
    private static byte[] dechunked(byte[] raw) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < raw.length) {
            int lineEnd = indexOf(raw, at);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(raw, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length;
            try {
                length = Integer.parseInt(size, 16);
            } catch (NumberFormatException notAChunk) {
                return raw;
            }
            at = lineEnd + 2;
            if (length == 0 || at + length > raw.length) {
                break;
            }
            body.write(raw, at, length);
            at += length + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] raw, int from) {
        for (int i = from; i + 1 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                b.write(buf, 0, n);
                if (b.size() > 4 * 1024 * 1024) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what arrived is the answer
        }
        return b.toByteArray();
    }

    /** The template's top-level fields, each with its raw JSON value (the templates are flat apart from arrays and objects). */
    private static Map<String, String> topLevelFields(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 1;
        while (i < json.length() - 1) {
            int k1 = json.indexOf('"', i);
            int k2 = json.indexOf('"', k1 + 1);
            String key = json.substring(k1 + 1, k2);
            int v = json.indexOf(':', k2) + 1;
            int depth = 0;
            boolean str = false;
            int j = v;
            for (; j < json.length(); j++) {
                char c = json.charAt(j);
                if (str) {
                    if (c == '\\') {
                        j++;
                    } else if (c == '"') {
                        str = false;
                    }
                } else if (c == '"') {
                    str = true;
                } else if (c == '[' || c == '{') {
                    depth++;
                } else if (c == ']' || c == '}') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    break;
                }
            }
            fields.put(key, json.substring(v, j));
            i = j + 1;
        }
        return fields;
    }

    private static byte[] object(Map<String, String> fields) {
        StringBuilder b = new StringBuilder("{");
        fields.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] object(Map<String, String> fields, String key, byte[] value) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write('{');
        boolean first = true;
        for (Map.Entry<String, String> f : fields.entrySet()) {
            b.writeBytes(((first ? "" : ",") + "\"" + f.getKey() + "\":").getBytes(StandardCharsets.UTF_8));
            b.writeBytes(f.getKey().equals(key) ? value : f.getValue().getBytes(StandardCharsets.UTF_8));
            first = false;
        }
        b.write('}');
        return b.toByteArray();
    }

    private static String[] manyHeaders(int n) {
        String[] h = new String[n];
        for (int i = 0; i < n; i++) {
            h[i] = "X-Many-" + i + ": " + i;
        }
        return h;
    }

    private static byte[] manyKeys(int n) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(long seed, int n) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    private static String noneToken() {
        java.util.Base64.Encoder e = java.util.Base64.getUrlEncoder().withoutPadding();
        return e.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + e.encodeToString("{\"sub\":\"001099012345\",\"roles\":[\"ops\"]}".getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(x >= 0x20 && x < 0x7f && x != '\t' ? String.valueOf((char) x) : String.format("\\x%02X", x & 0xff));
        }
        return shorten(s.toString());
    }

    private static String shorten(String s) {
        String t = s.replaceAll("[\\t\\r\\n]", " ");
        return t.length() > 60 ? t.substring(0, 60) + "…(" + t.length() + ")" : t;
    }
}
