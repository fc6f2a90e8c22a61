// Real responses of the running system, validated against its published OpenAPI document.
//   NODE_PATH=target/node/node_modules node bench/drills/openapi-validate.cjs SPEC CONTEXT OUT
// SPEC: the BFF's /v3/api-docs (OpenAPI 3.1, so the schemas are JSON Schema 2020-12: Ajv's 2020
// dialect). CONTEXT: {base, apikey, citizen, ops, code, secret} as JSON. Calls every operation through
// the gateway with real data (and some refusals: 400, 404, 409), finds the operation and the response
// the document declares for the answer's status and content type, and validates the body. Writes a
// line per call to OUT and prints the totals as JSON.
const fs = require("fs");
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats");

const [specFile, contextFile, outFile] = process.argv.slice(2);
// Java regular expressions in the document: \p{Cntrl} is \p{Cc} in JavaScript.
const spec = JSON.parse(fs.readFileSync(specFile, "utf8").replaceAll("\\\\p{Cntrl}", "\\\\p{Cc}"));
const ctx = JSON.parse(fs.readFileSync(contextFile, "utf8"));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
for (const f of ["int32", "int64", "float", "double"]) ajv.addFormat(f, true);
ajv.addSchema({ $id: "https://spec.invalid/doc", components: spec.components });
const rebase = (schema) => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"https://spec.invalid/doc#/components/'));

const templates = Object.keys(spec.paths).map((p) => ({
  path: p,
  regex: new RegExp("^" + p.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+") + "$"),
  literal: p.replace(/\{[^}]+\}/g, "").length,
}));
const operationFor = (method, url) => {
  const path = new URL(url, "http://x").pathname;
  const found = templates.filter((t) => t.regex.test(path)).sort((a, b) => b.literal - a.literal)[0];
  return found && spec.paths[found.path][method.toLowerCase()] ? { path: found.path, op: spec.paths[found.path][method.toLowerCase()] } : null;
};

const results = [];
const covered = new Set();
async function call(method, path, { auth, body, headers = {}, note = "" } = {}) {
  const h = { ...headers };
  if (auth === "citizen") h.Authorization = `Bearer ${ctx.citizen}`;
  if (auth === "ops") h.Authorization = `Bearer ${ctx.ops}`;
  if (auth === "key") h["X-Api-Key"] = ctx.apikey;
  if (body !== undefined) h["Content-Type"] = "application/json";
  const res = await fetch(ctx.base + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const type = (res.headers.get("content-type") || "").split(";")[0].trim();
  const r = { method, path, status: res.status, type, note, verdict: "valid", errors: "" };
  const found = operationFor(method, path);
  if (!found) {
    r.verdict = "no operation";
  } else {
    covered.add(`${method} ${found.path}`);
    r.operation = `${method} ${found.path}`;
    const declared = found.op.responses?.[String(res.status)] ?? found.op.responses?.default;
    if (!declared) {
      r.verdict = "status not documented";
      r.errors = `declared: ${Object.keys(found.op.responses || {}).join(", ")}`;
    } else if (!declared.content || res.status === 204) {
      if (text.length > 0 && res.status !== 204) r.verdict = "body not documented";
    } else if (!declared.content[type]) {
      r.verdict = "content type not documented";
      r.errors = `${type}; declared: ${Object.keys(declared.content).join(", ")}`;
    } else if (type.endsWith("json")) {
      const schema = declared.content[type].schema;
      if (schema) {
        const validate = ajv.compile(rebase(schema));
        if (!validate(JSON.parse(text))) {
          r.verdict = "schema mismatch";
          r.errors = ajv.errorsText(validate.errors, { separator: "; " }).slice(0, 600);
        }
      }
    }
  }
  results.push(r);
  return { status: res.status, json: type.endsWith("json") && text ? JSON.parse(text) : null };
}

(async () => {
  const point = (await call("GET", "/api/v1/points/W00070")).json;
  await call("GET", "/api/v1/points");
  await call("GET", "/api/v1/points?type=WARD_POINT&q=hoan%20kiem");
  await call("GET", "/api/v1/points?type=BOGUS", { note: "refusal" });
  await call("GET", "/api/v1/points/NOPE", { note: "refusal" });
  await call("GET", "/api/v1/points/nearest?lat=21.0285&lon=105.8542&limit=3&mode=walk");
  await call("GET", "/api/v1/points/nearest?lat=21.0285&lon=105.8542&openNow=true&field=ho-tich");
  await call("GET", "/api/v1/points/nearest?lat=abc&lon=105.8", { note: "refusal" });
  await call("GET", "/api/v1/points/fields", { headers: { "Accept-Language": "en" } });
  await call("GET", "/api/v1/coverage?mode=walk");
  await call("GET", "/api/v1/coverage?mode=plane", { note: "refusal" });
  await call("POST", "/api/v1/coverage/what-if", { auth: "ops", body: { mode: "motorbike", add: [{ lat: 21.0, lon: 105.8 }], remove: ["W00070"] } });
  await call("POST", "/api/v1/coverage/what-if", { auth: "ops", body: { remove: ["NOPE"] }, note: "refusal" });
  await call("POST", "/api/v1/coverage/what-if", { body: { remove: ["HQ"] }, note: "refusal" });
  await call("GET", "/api/v1/coverage/map.svg");
  await call("POST", "/api/v1/dossiers/lookup", { body: { code: ctx.code, secret: ctx.secret } });
  await call("POST", "/api/v1/dossiers/lookup", { body: { code: ctx.code, secret: "WRONG234" }, note: "refusal" });
  const received = new Date(Date.now() - 2 * 86400e3).toISOString().replace(/\.\d+Z$/, "Z");
  const due = new Date(Date.now() + 5 * 86400e3).toISOString().replace(/\.\d+Z$/, "Z");
  const filed = (await call("POST", "/api/v1/agent/dossiers", {
    auth: "key", headers: { "Idempotency-Key": `contract-${Date.now()}` },
    body: { agencyCode: "H26.99", procedureCode: "1.000894", procedureName: "Đăng ký kết hôn", field: "Hộ tịch",
      applicantCitizenId: "001000000001", applicantName: "Nguyễn Văn An", receivingPointId: "W00070",
      receivedAt: received, dueAt: due, channel: "counter", resultDelivery: "counter" },
  })).json;
  const code = filed.code;
  const at = (h) => new Date(Date.now() - 86400e3 + h * 3600e3).toISOString().replace(/\.\d+Z$/, "Z");
  await call("POST", `/api/v1/agent/dossiers/${code}/events`, { auth: "key", body: { eventId: `c-${code}-4`, status: 4, occurredAt: at(1), agency: "Phòng Tư pháp" } });
  await call("POST", `/api/v1/agent/dossiers/${code}/events`, { auth: "key", body: { eventId: `c-${code}-4`, status: 4, occurredAt: at(1), agency: "Phòng Tư pháp" }, note: "replay" });
  await call("POST", `/api/v1/agent/dossiers/${code}/events`, { auth: "key", body: { eventId: `c-${code}-x`, occurredAt: at(2), dueAt: new Date(Date.now() + 9 * 86400e3).toISOString().replace(/\.\d+Z$/, "Z"), reason: "Bổ sung xác minh" } });
  await call("POST", `/api/v1/agent/dossiers/${code}/events`, { auth: "key", body: { eventId: `c-${code}-1`, status: 1, occurredAt: at(3) }, note: "refusal" });
  await call("POST", "/api/v1/agent/events:batch", { auth: "key", body: { events: [{ code, eventId: `c-${code}-9`, status: 9, occurredAt: at(4) },
    { code: "NOPE-000000-0000", eventId: "c-nope", status: 4, occurredAt: at(4) }] } });
  await call("GET", "/api/v1/agent/dossiers?limit=5", { auth: "key" });
  await call("GET", "/api/v1/agent/dossiers?limit=0", { auth: "key", note: "refusal" });
  await call("PUT", "/api/v1/agent/webhook", { auth: "key", body: { url: "https://127.0.0.1/hook", secret: "whsec_abcdefghijklmnopqrstuvwxyz012345" }, note: "refusal" });
  await call("GET", "/api/v1/me/dossiers", { auth: "citizen" });
  await call("GET", `/api/v1/me/dossiers/${code}`, { auth: "citizen", headers: { "Accept-Language": "en" } });
  await call("GET", "/api/v1/me/dossiers/NOPE-000000-0000", { auth: "citizen", note: "refusal" });
  await call("POST", `/api/v1/me/dossiers/${code}/rating`, { auth: "citizen", body: { score: 5, comment: "Nhanh" } });
  await call("POST", `/api/v1/me/dossiers/${code}/rating`, { auth: "citizen", body: { score: 4 }, note: "refusal" });
  const device = (await call("POST", "/api/v1/me/devices", { auth: "citizen", body: { token: "contract-device-token-0001", platform: "android", locale: "vi" } })).json;
  await call("GET", "/api/v1/me/notifications", { auth: "citizen" });
  await call("POST", "/api/v1/me/notifications/read-all", { auth: "citizen" });
  await call("POST", "/api/v1/me/notifications/999999999/read", { auth: "citizen", note: "refusal" });
  await call("DELETE", "/api/v1/me/devices/contract-device-token-0001", { auth: "citizen", note: "refusal: a token is no id" });
  await call("DELETE", `/api/v1/me/devices/${device.id}`, { auth: "citizen" });
  await call("DELETE", `/api/v1/me/devices/${device.id}`, { auth: "citizen", note: "again" });
  await call("GET", "/api/v1/ops/api-keys", { auth: "ops" });
  const made = (await call("POST", "/api/v1/ops/api-keys", { auth: "ops", body: { clientId: "contract-agent", kind: "agent", scopes: ["dossiers:read"], rateTier: "standard", label: "Hợp đồng", agencies: ["H26.99"] } })).json;
  await call("POST", "/api/v1/ops/api-keys", { auth: "ops", body: { clientId: "X", kind: "robot" }, note: "refusal" });
  if (made && made.id) await call("DELETE", `/api/v1/ops/api-keys/${made.id}`, { auth: "ops" });
  await call("GET", "/api/v1/ops/holidays?year=2026", { auth: "ops" });
  await call("GET", "/api/v1/ops/holidays?year=abc", { auth: "ops", note: "refusal" });
  await call("PUT", "/api/v1/ops/holidays/2099-01-02", { auth: "ops", body: { name: "Ngày thử" } });
  await call("DELETE", "/api/v1/ops/holidays/2099-01-02", { auth: "ops" });
  const { id, type, name, address, wardCode, lat, lon, coordinateQuality, note, active } = point;
  const hours = (point.openingHours?.weekly || []).map(({ day, opens, closes }) => ({ day, opens, closes }));
  await call("PUT", "/api/v1/ops/points/W00070", { auth: "ops", body: { type, name, address, wardCode, lat, lon, coordinateQuality, openingHours: hours, note: note ?? undefined, active } });
  await call("PUT", "/api/v1/ops/points/W00070", { auth: "citizen", body: { type }, note: "refusal (not ops)" });
  await call("GET", "/api/v1/ops/dossiers/at-risk?size=5", { auth: "ops" });
  await call("GET", "/api/v1/ops/dossiers/counts", { auth: "ops" });
  await call("GET", "/api/v1/ops/satisfaction", { auth: "ops" });
  await call("GET", "/api/v1/ops/push-messages?limit=5", { auth: "ops" });
  await call("POST", "/api/v1/ops/push-messages/999999999/retry", { auth: "ops", note: "refusal" });
  await call("GET", "/api/v1/ops/webhook-messages?limit=5", { auth: "ops" });
  await call("GET", "/api/v1/ops/webhook-messages?state=bogus", { auth: "ops", note: "refusal" });
  await call("POST", "/api/v1/ops/webhook-messages/999999999/retry", { auth: "ops", note: "refusal" });
  await call("GET", "/api/v1/me/dossiers", { note: "refusal (no token)" });

  fs.writeFileSync(outFile, results.map((r) => [r.verdict, r.operation || "-", r.method, r.path.slice(0, 80), r.status, r.type || "-", r.note, r.errors].join("\t")).join("\n") + "\n");
  const operations = Object.entries(spec.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
  const count = (v) => results.filter((r) => r.verdict === v).length;
  console.log(JSON.stringify({
    responses: results.length, valid: count("valid"), schemaMismatch: count("schema mismatch"),
    statusNotDocumented: count("status not documented"), contentTypeNotDocumented: count("content type not documented"),
    bodyNotDocumented: count("body not documented"), noOperation: count("no operation"),
    operations: operations.length, operationsCalled: covered.size, notCalled: operations.filter((o) => !covered.has(o)),
  }));
})().catch((e) => { console.error(e); process.exit(2); });
