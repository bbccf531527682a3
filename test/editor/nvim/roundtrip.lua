-- Neovim 0.7.2 (headless) against `node dist/server.js --stdio`: open a report
-- with a wrong total, wait for the diagnostic, ask for code actions, apply the
-- preferred one, and check that the diagnostic goes. Writes one line per
-- check to $XXGK_OUT; exits with :cq 1 on failure.
-- Neovim 0.7 has no vim.lsp.start: start_client + buf_attach_client.
local out = assert(os.getenv('XXGK_OUT'))
local server = assert(os.getenv('XXGK_SERVER'))
local file = assert(os.getenv('XXGK_FILE'))
local lines_out = {}
local function log(s) table.insert(lines_out, s) end
local function finish(ok)
  log(ok and 'VERDICT ok' or 'VERDICT failed')
  vim.fn.writefile(lines_out, out)
  if ok then vim.cmd('qall!') else vim.cmd('cquit! 1') end
end
local function check(name, ok, detail)
  log((ok and 'ok ' or 'FAIL ') .. name .. (detail and (' :: ' .. tostring(detail)) or ''))
  if not ok then finish(false) end
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local t0 = vim.loop.hrtime()
  local id = vim.lsp.start_client({
    name = 'xxgk-lint',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    settings = { xxgkLint = { lang = 'zh' } },
  })
  check('client started', id ~= nil)
  vim.lsp.buf_attach_client(buf, id)
  local client = vim.lsp.get_client_by_id(id)

  local function row_total()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == 'row-total' then return d end
    end
  end
  vim.wait(15000, function() return row_total() ~= nil end, 50)
  local d = row_total()
  check('row-total diagnostic arrives', d ~= nil, #vim.diagnostic.get(buf) .. ' diagnostics')
  log(string.format('time to diagnostic: %d ms', (vim.loop.hrtime() - t0) / 1e6))
  check('on the 总计 cell (line 97, col 1)', d.lnum == 97 and d.col == 1 and d.end_col == 3, string.format('%d:%d-%d', d.lnum, d.col, d.end_col))
  check('source xxgk-lint, severity error', d.source == 'xxgk-lint' and d.severity == vim.diagnostic.severity.ERROR, tostring(d.source))

  -- Hover on the cell: the formula.
  local hover = client.request_sync('textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = 97, character = 2 },
  }, 5000, buf)
  local hv = hover and hover.result and hover.result.contents and hover.result.contents.value or ''
  check('hover shows the formula', hv:find('= **24**', 1, true) ~= nil, hv)

  -- Code actions for the diagnostic's range, with the diagnostic in the context.
  local lsp_diag = d.user_data and d.user_data.lsp or nil
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 97, character = 1 }, ['end'] = { line = 97, character = 3 } },
    context = { diagnostics = { lsp_diag } },
  }
  local res = client.request_sync('textDocument/codeAction', params, 5000, buf)
  check('codeAction answered', res and res.result and #res.result > 0, res and res.err and vim.inspect(res.err))
  local preferred
  for _, a in ipairs(res.result) do
    if a.isPreferred then preferred = a end
  end
  check('a preferred quick fix', preferred ~= nil and preferred.kind == 'quickfix', preferred and preferred.title)
  log('action: ' .. preferred.title)
  vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding or 'utf-16')
  local line = vim.api.nvim_buf_get_lines(buf, 97, 98, false)[1]
  check('the cell reads 24 again', line == '\t24', vim.inspect(line))

  vim.wait(15000, function() return row_total() == nil end, 50)
  check('the diagnostic is gone after the fix', row_total() == nil, #vim.diagnostic.get(buf) .. ' diagnostics left')

  -- source.fixAll.xxgk through the same client, after breaking the cell again.
  vim.api.nvim_buf_set_lines(buf, 97, 98, false, { '\t31' })
  vim.wait(15000, function() return row_total() ~= nil end, 50)
  check('the diagnostic comes back after an edit', row_total() ~= nil)
  local all = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
    context = { diagnostics = {}, only = { 'source.fixAll' } },
  }, 5000, buf)
  local fixall = all and all.result and all.result[1]
  check('source.fixAll.xxgk offered', fixall ~= nil and fixall.kind == 'source.fixAll.xxgk', fixall and fixall.kind)
  vim.lsp.util.apply_workspace_edit(fixall.edit, client.offset_encoding or 'utf-16')
  check('fix-all restores the cell', vim.api.nvim_buf_get_lines(buf, 97, 98, false)[1] == '\t24')
  log(string.format('total: %d ms', (vim.loop.hrtime() - t0) / 1e6))
  client.stop()
end)
if not ok then
  log('ERROR ' .. tostring(err))
  finish(false)
else
  finish(true)
end
