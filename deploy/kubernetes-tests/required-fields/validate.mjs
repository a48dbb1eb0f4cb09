// Validates rendered Kubernetes objects against the kubernetes-models schemas, which are generated from
// Kubernetes' own OpenAPI document and from the prometheus-operator, Gateway API and cert-manager CRDs:
// required fields, types, enum values and formats (unknown fields are the Java strict models' job).
//   node validate.mjs objects.json   (a JSON array of objects) -> one JSON line: [{id, model, errors}]
// Kinds of other groups (Strimzi, CloudNativePG, Barman Cloud) are reported with model null: the Java
// tests validate them with their own models and schemas.
import { readFileSync } from "node:fs";

const PACKAGES = {
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
  "gateway.networking.k8s.io": "@kubernetes-models/gateway-api",
  "cert-manager.io": "@kubernetes-models/cert-manager",
};
const OTHERS = /(^|\.)(strimzi\.io|cnpg\.io)$/;

async function modelOf(apiVersion, kind) {
  const slash = apiVersion.lastIndexOf("/");
  const group = slash < 0 ? "" : apiVersion.substring(0, slash);
  const version = apiVersion.substring(slash + 1);
  if (OTHERS.test(group)) {
    return { path: null, model: null };
  }
  const pkg = PACKAGES[group] ?? "kubernetes-models";
  const path = group ? `${pkg}/${group}/${version}` : `${pkg}/${version}`;
  let module;
  try {
    module = await import(path);
  } catch (e) {
    return { path, model: undefined };
  }
  return { path, model: module[kind] };
}

const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));
const results = [];
for (const o of objects) {
  const id = `${o.kind}/${o.metadata?.name}`;
  const { path, model } = await modelOf(o.apiVersion ?? "", o.kind ?? "");
  if (model === null) {
    results.push({ id, model: null, errors: [] });
    continue;
  }
  if (model === undefined) {
    results.push({ id, model: path, errors: [`no model for ${o.apiVersion} ${o.kind} in ${path}`] });
    continue;
  }
  try {
    new model(o).validate();
    results.push({ id, model: `${path} ${o.kind}`, errors: [] });
  } catch (e) {
    const errors = Array.isArray(e.errors) && e.errors.length > 0
      ? e.errors.map((x) => `${x.instancePath || "(root)"} ${x.message}${x.params ? " " + JSON.stringify(x.params) : ""}`)
      : [String(e.message ?? e)];
    results.push({ id, model: `${path} ${o.kind}`, errors });
  }
}
process.stdout.write(JSON.stringify(results) + "\n");
