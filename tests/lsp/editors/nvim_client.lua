-- Headless Neovim as an LSP client of `brazelint lsp`: open a file, wait for its
-- diagnostics, ask for a hover, write both to OUT as JSON, quit.
local target, out, cmd = _G.BRAZELINT_TARGET, _G.BRAZELINT_OUT, _G.BRAZELINT_CMD
vim.cmd("edit " .. vim.fn.fnameescape(target))
local buf = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = "brazelint",
  cmd = cmd,
  root_dir = vim.fn.fnamemodify(target, ":h"),
})
vim.lsp.buf_attach_client(buf, client)
local ok = vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local found = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(found, { lnum = d.lnum, col = d.col, code = d.code, message = d.message })
end
local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = _G.BRAZELINT_HOVER[1], character = _G.BRAZELINT_HOVER[2] },
}, 30000)
local text = nil
for _, answer in pairs(hover or {}) do
  if answer.result then text = answer.result.contents.value end
end
local file = io.open(out, "w")
file:write(vim.fn.json_encode({ waited = ok, diagnostics = found, hover = text }))
file:close()
vim.lsp.stop_client(client)
vim.cmd("qa!")
