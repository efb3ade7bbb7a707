// A second, independent validator for the annotation schemas: ajv 8 (draft 2020-12) in strict mode.
//
// Usage: node tests/ajv_check.cjs SCHEMA_DIR < request.json > answer.json
// The request is {"documents": [{"kind": "briefing", "data": {...}}, ...]}; the answer says which
// schemas compiled, which conform to meta.schema.json, and whether each document is valid.
// Everything ajv is told beyond the standard comes from meta.schema.json: its extension keywords
// (annotations, no validation) and its two formats, implemented here again from their description
// so that the Python implementation is checked against one written independently.
"use strict";

const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020");

const PARTIAL_DATE = /^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$/;

function dateParts(text) {
  const match = PARTIAL_DATE.exec(text);
  return match ? [1, 2, 3].map((i) => Number(match[i] || 0)) : null;
}

function isPartialDate(text) {
  const parts = dateParts(text);
  if (parts === null || parts[2] === 0) return true; // the shape is the pattern's business
  const [year, month, day] = parts;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // (Date.UTC maps years 0-99 to 1900-1999)
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isPartialDateOrInterval(text) {
  const ends = text.split("/");
  if (!ends.every(isPartialDate)) return false;
  const keys = ends.map(dateParts);
  if (ends.length !== 2 || keys.includes(null)) return true;
  const [start, end] = keys;
  const order = start.findIndex((value, i) => value !== end[i]);
  return order === -1 || start[order] < end[order];
}

const FORMATS = { "partial-date": isPartialDate, "partial-date-or-interval": isPartialDateOrInterval };

function readSchemas(dir) {
  const schemas = {};
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(".schema.json")).sort()) {
    schemas[name] = JSON.parse(fs.readFileSync(path.join(dir, name), "utf-8"));
  }
  return schemas;
}

function makeAjv(meta) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addVocabulary(Object.keys(meta.properties).filter((keyword) => keyword !== "format"));
  for (const name of meta.properties.format.enum) {
    if (!FORMATS[name]) throw new Error(`meta.schema.json declares format ${name}, unknown to ajv_check.cjs`);
    ajv.addFormat(name, { type: "string", validate: FORMATS[name] });
  }
  ajv.addMetaSchema(meta);
  return ajv;
}

function check(dir, request) {
  const { "meta.schema.json": meta, ...schemas } = readSchemas(dir);
  const ajv = makeAjv(meta);
  const answer = { compiled: [], conforming: [], results: [] };
  for (const schema of Object.values(schemas)) ajv.addSchema(schema); // by $id only
  for (const [name, schema] of Object.entries(schemas)) {
    ajv.getSchema(schema.$id); // compiles, or throws on anything strict mode refuses
    answer.compiled.push(name);
    if (ajv.validate(meta.$id, schema)) answer.conforming.push(name);
    else answer.metaErrors = { ...answer.metaErrors, [name]: ajv.errors };
  }
  for (const { kind, data } of request.documents) {
    const validate = ajv.getSchema(schemas[`${kind}.schema.json`].$id);
    const valid = validate(data);
    answer.results.push({ valid, errors: valid ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message}`) });
  }
  return answer;
}

const request = JSON.parse(fs.readFileSync(0, "utf-8"));
process.stdout.write(JSON.stringify(check(process.argv[2], request)));
