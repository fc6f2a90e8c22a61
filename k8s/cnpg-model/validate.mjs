// Holds CloudNativePG objects to the JSON schema of @kubernetes-models/cloudnative-pg (types, enums,
// required fields, formats), with the model's own validators. Reads [{ref, type, body}] as JSON on
// stdin; prints [{ref, path, message}] as JSON, one entry per error. Unknown fields, which that
// schema allows, are the TypeScript check's part (CloudNativePgModel.java).
import { Cluster } from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster";
import { Pooler } from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Pooler";
import { ScheduledBackup } from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/ScheduledBackup";
import { BarmanObjectStoreConfiguration } from "@kubernetes-models/cloudnative-pg/github.com/cloudnative-pg/barman-cloud/pkg/api/BarmanObjectStoreConfiguration";

// The model validates a whole object, except the barman-cloud plugin's ObjectStore: only its
// configuration is in the model (the rest is reported unchecked by the Java side).
const MODELS = {
  "postgresql.cnpg.io/v1 Cluster": (body) => [new Cluster(body), ""],
  "postgresql.cnpg.io/v1 Pooler": (body) => [new Pooler(body), ""],
  "postgresql.cnpg.io/v1 ScheduledBackup": (body) => [new ScheduledBackup(body), ""],
  "barmancloud.cnpg.io/v1 ObjectStore": (body) => [
    new BarmanObjectStoreConfiguration(body.spec?.configuration ?? {}),
    "/spec/configuration",
  ],
};

function message(error) {
  if (error.keyword === "enum") {
    return `${error.message}: ${error.params.allowedValues.join(", ")}`;
  }
  return error.message;
}

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
}));

const errors = [];
for (const { ref, type, body } of input) {
  const model = MODELS[type];
  if (!model) {
    errors.push({ ref, path: "", message: `no model for ${type}` });
    continue;
  }
  const [object, prefix] = model(body);
  try {
    object.validate();
  } catch (e) {
    if (!Array.isArray(e.errors)) throw e;
    for (const error of e.errors) {
      errors.push({ ref, path: prefix + error.instancePath, message: message(error) });
    }
  }
}
process.stdout.write(JSON.stringify(errors));
