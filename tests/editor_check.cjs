// What an editor shows: yaml-language-server (the engine of VS Code's YAML extension and of other
// editors) validates annotation files through their `# yaml-language-server: $schema=...` modeline.
//
// Usage: node tests/editor_check.cjs < request.json > answer.json
// The request is {"files": [{"path": "/abs/briefings/x.yml", "text": "..."}]}; the answer gives each
// file's diagnostics as "line:column message", and every schema address the server asked for. Only
// file: addresses are served: a request for anything else is answered with an error (and listed).
"use strict";

const fs = require("fs");
const { fileURLToPath, pathToFileURL } = require("url");
const { TextDocument } = require("vscode-languageserver-textdocument");
const { getLanguageService } = require("yaml-language-server");

const requested = [];
const service = getLanguageService({
  schemaRequestService: async (uri) => {
    requested.push(uri);
    if (!uri.startsWith("file:")) throw new Error(`not fetched: ${uri}`);
    return fs.readFileSync(fileURLToPath(uri), "utf-8");
  },
  workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
});
service.configure({ validate: true, yamlVersion: "1.2" });

async function diagnose({ path, text }, version) {
  const document = TextDocument.create(pathToFileURL(path).toString(), "yaml", version, text);
  const diagnostics = await service.doValidation(document, false);
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

(async () => {
  const { files } = JSON.parse(fs.readFileSync(0, "utf-8"));
  const diagnostics = [];
  for (const [index, file] of files.entries()) diagnostics.push(await diagnose(file, index + 1));
  process.stdout.write(JSON.stringify({ diagnostics, requested: [...new Set(requested)].sort() }));
})();
