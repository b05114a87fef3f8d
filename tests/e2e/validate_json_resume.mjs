// Validates JSON Resume files against the official schema from npm (@jsonresume/schema)
// with ajv, formats (email, uri, date) included. Usage: node validate_json_resume.mjs FILE...
// With --job first, validates job descriptions against the package's job-schema.json.
// Prints "valid FILE" per good file and each schema error otherwise; exit 1 if any failed.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);
const jobs = process.argv[2] === "--job";
const schema = require(jobs ? "@jsonresume/schema/job-schema.json" : "@jsonresume/schema/schema.json");

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

let failed = 0;
for (const file of process.argv.slice(jobs ? 3 : 2)) {
  const resume = JSON.parse(readFileSync(file, "utf8"));
  if (validate(resume)) {
    console.log(`valid ${file}`);
    continue;
  }
  failed++;
  for (const e of validate.errors) console.log(`invalid ${file}: ${e.instancePath} ${e.message}`);
}
process.exit(failed ? 1 : 0);
