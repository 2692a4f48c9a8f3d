// Loads editors/vscode/extension.js with stand-ins for `vscode` and
// `vscode-languageclient/node`, activates it, runs its preview command, and prints what
// it did as JSON: the client it built, the commands it registered, the request it sent.
"use strict";

const Module = require("module");
const path = require("path");

const seen = { clients: [], commands: [], requests: [], started: 0 };
const settings = { path: "brazelint", args: [], previewUrl: process.env.PREVIEW_URL || "" };

const vscode = {
  workspace: { getConfiguration: () => ({ get: (key, fallback) => settings[key] ?? fallback }) },
  commands: {
    registerCommand: (name, handler) => {
      seen.commands.push(name);
      return { name, handler, dispose() {} };
    },
  },
  window: { activeTextEditor: { document: { uri: { toString: () => "file:///p/t.liquid" } } } },
};

class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    seen.clients.push({ id, name, serverOptions, clientOptions });
  }
  start() { seen.started += 1; return Promise.resolve(); }
  stop() { return Promise.resolve(); }
  sendRequest(method, params) { seen.requests.push({ method, params }); return Promise.resolve("http://127.0.0.1:1/file/t.liquid"); }
}

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === "vscode") return vscode;
  if (request === "vscode-languageclient/node") return { LanguageClient };
  return load.call(this, request, ...rest);
};

(async () => {
  const extension = require(path.resolve(process.argv[2]));
  const context = { subscriptions: [] };
  await extension.activate(context);
  const preview = context.subscriptions.find((s) => s.name === "brazelint.preview");
  seen.url = await preview.handler();
  await extension.deactivate();
  process.stdout.write(JSON.stringify(seen));
})();
