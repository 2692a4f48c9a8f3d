// brazelint for VS Code: starts `brazelint lsp` and talks to it through vscode-languageclient.
// Everything (diagnostics, hover, completion, go to definition) comes from the server;
// this file only starts it and adds two commands.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

const DOCUMENTS = [
  { scheme: "file", language: "liquid" },
  { scheme: "file", pattern: "**/*.liquid" },
  { scheme: "file", pattern: "**/*.webhook.yaml" },
  { scheme: "file", pattern: "**/*.webhook.yml" },
];

let client;

function serverOptions(settings) {
  const command = settings.get("path", "brazelint");
  const args = ["lsp", ...settings.get("args", [])];
  return { run: { command, args }, debug: { command, args: [...args, "--debug"] } };
}

function clientOptions(settings) {
  const previewUrl = settings.get("previewUrl", "");
  return {
    documentSelector: DOCUMENTS,
    initializationOptions: previewUrl ? { previewUrl } : {},
  };
}

function start() {
  const settings = vscode.workspace.getConfiguration("brazelint");
  client = new LanguageClient("brazelint", "brazelint", serverOptions(settings), clientOptions(settings));
  return client.start();
}

async function openPreview() {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) {
    return undefined;
  }
  // the server opens the page itself (window/showDocument) and answers with its URL
  return client.sendRequest("workspace/executeCommand", {
    command: "brazelint.openPreview",
    arguments: [editor.document.uri.toString()],
  });
}

async function restart() {
  if (client) {
    await client.stop();
  }
  await start();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("brazelint.preview", openPreview),
    vscode.commands.registerCommand("brazelint.restart", restart),
  );
  await start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
