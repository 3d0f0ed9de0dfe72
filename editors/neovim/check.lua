-- Check the server with Neovim's built-in LSP client (0.7 or later), headless:
--   nvim --headless -u NONE -c 'luafile editors/neovim/check.lua' essay.md
-- prints the diagnostics and the quick fixes on the first one, applies the
-- first footnote fix and prints the buffer. histlint-language-server must be
-- on PATH. The settings reach the server as nvim-lspconfig sends them.
local client_id = vim.lsp.start_client({
  name = 'histlint',
  cmd = { 'histlint-language-server', '--stdio' },
  root_dir = vim.fn.getcwd(),
  settings = { histlint = { rules = { ['stalin-sought-world-war'] = 'off' } } },
  on_init = function(client)
    client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  end,
})
vim.lsp.buf_attach_client(0, client_id)
vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 100)
vim.wait(500)
local diagnostics = vim.diagnostic.get(0)
for _, d in ipairs(diagnostics) do
  print(string.format('diagnostic %d:%d-%d:%d %s', d.lnum + 1, d.col + 1, d.end_lnum + 1, d.end_col + 1, d.code or '?'))
end
local first = diagnostics[1]
if first then
  local here = { line = first.lnum, character = first.col }
  local replies = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', {
    textDocument = vim.lsp.util.make_text_document_params(),
    range = { start = here, ['end'] = here },
    context = { diagnostics = {} },
  }, 5000)
  for _, reply in pairs(replies or {}) do
    local footnote
    for _, action in ipairs(reply.result or {}) do
      print('quick fix: ' .. action.title)
      if not footnote and action.title:find('^Insert a footnote') then footnote = action end
    end
    if footnote then
      vim.lsp.util.apply_workspace_edit(footnote.edit, 'utf-16')
      print('after "' .. footnote.title .. '":')
      print(table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n'))
    end
  end
end
vim.cmd('qa!')
