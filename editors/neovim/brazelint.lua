-- brazelint for Neovim 0.11+ (vim.lsp.config): put this in init.lua.
-- Webhook files are YAML; .liquid files get the liquid filetype.
vim.filetype.add({ pattern = { [".*%.webhook%.ya?ml"] = "yaml" }, extension = { liquid = "liquid" } })

vim.lsp.config("brazelint", {
  cmd = { "brazelint", "lsp" },
  filetypes = { "liquid", "yaml" },
  root_markers = { "brazelint.toml", "pyproject.toml", ".git" },
})
vim.lsp.enable("brazelint")
