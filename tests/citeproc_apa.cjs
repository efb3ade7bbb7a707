// APA (7th edition) references from CSL-JSON, by citeproc-js (through citation.js, which ships the
// APA style and the en-US locale: nothing is fetched): what a reference manager makes of our
// citations.
//
// Usage: node tests/citeproc_apa.cjs < items.json   (a CSL-JSON array) -> one reference a line
"use strict";

const fs = require("fs");
const { Cite } = require("@citation-js/core");
require("@citation-js/plugin-csl");

const items = JSON.parse(fs.readFileSync(0, "utf8"));
for (const item of items) {
  const text = new Cite([item]).format("bibliography", { format: "text", template: "apa", lang: "en-US" });
  process.stdout.write(text.trim() + "\n");
}
