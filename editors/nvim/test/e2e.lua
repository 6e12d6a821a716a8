-- End-to-end test of the Neovim setup with a real `rocky lsp`: run headless by
-- crates/cli/tests/nvim.rs (ROCKY_BIN: the binary, ROCKY_PROJECT: a copy of the playground
-- project whose models/revenue_summary.sql reads the misspelled `total_revenu`).
-- Every step checks the answer; any mismatch or error exits non-zero.
local project = assert(os.getenv('ROCKY_PROJECT'), 'ROCKY_PROJECT is not set')
local bin = assert(os.getenv('ROCKY_BIN'), 'ROCKY_BIN is not set')
local TIMEOUT = 60000

local function log(msg)
  io.stderr:write('e2e: ' .. msg .. '\n')
end

local function fail(msg)
  error(msg, 0)
end

local function check(cond, msg)
  if not cond then
    fail(msg)
  end
end

local function wait_for(what, cond)
  check(vim.wait(TIMEOUT, cond, 50), 'timed out waiting for ' .. what)
end

local function line(bufnr, lnum)
  return vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1]
end

--- Puts the cursor on the `nth` (1-based) occurrence of `needle` in the buffer, `delta`
--- characters in; returns the 0-based line and column.
local function cursor_on(bufnr, needle, nth, delta)
  local seen = 0
  for i, text in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local from = 1
    while true do
      local s = text:find(needle, from, true)
      if not s then
        break
      end
      seen = seen + 1
      if seen == nth then
        vim.api.nvim_win_set_cursor(0, { i, s - 1 + delta })
        return i - 1, s - 1 + delta
      end
      from = s + 1
    end
  end
  fail('`' .. needle .. '` not found')
end

local function request(bufnr, method, params)
  local answers, err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT)
  check(answers ~= nil, method .. ': ' .. tostring(err))
  for _, answer in pairs(answers) do
    -- `error` before Neovim 0.10, `err` since.
    local e = answer.err or answer.error
    check(e == nil, method .. ': ' .. vim.inspect(e))
    return answer.result
  end
  fail(method .. ': no answer')
end

local function run()
  vim.opt.runtimepath:prepend(vim.env.ROCKY_NVIM or '.')
  vim.cmd('filetype plugin on')
  vim.cmd('syntax on')
  require('rocky').setup({ cmd = { bin, 'lsp' } })

  -- Diagnostics on the broken model: line and message.
  vim.cmd('edit ' .. vim.fn.fnameescape(project .. '/models/revenue_summary.sql'))
  local buf = vim.api.nvim_get_current_buf()
  check(vim.bo[buf].filetype == 'sql', 'filetype sql, got ' .. vim.bo[buf].filetype)
  wait_for('the client to attach', function()
    return require('rocky').client(buf) ~= nil
  end)
  local client = require('rocky').client(buf)
  wait_for('diagnostics', function()
    return #vim.diagnostic.get(buf) > 0
  end)
  local diags = vim.diagnostic.get(buf)
  check(#diags == 1, 'one diagnostic, got ' .. vim.inspect(diags))
  local d = diags[1]
  check(d.lnum == 3, 'the diagnostic on line 4, got line ' .. (d.lnum + 1))
  check(d.col == line(buf, 3):find('total_revenu', 1, true) - 1, 'at the column, got ' .. d.col)
  check(d.message:find('unknown column `total_revenu`', 1, true), 'message: ' .. d.message)
  check(d.message:find('did you mean `total_revenue`?', 1, true), 'help: ' .. d.message)
  check(d.severity == vim.diagnostic.severity.ERROR, 'an error')
  log('diagnostic ok: ' .. d.message:gsub('\n', ' '))

  -- Hover on the model read in FROM.
  cursor_on(buf, 'FROM customer_orders', 1, 6)
  local hover = request(buf, 'textDocument/hover', vim.lsp.util.make_position_params())
  local markup = hover and hover.contents and hover.contents.value or ''
  check(markup:find('**model** `customer_orders`', 1, true), 'hover: ' .. markup)
  check(markup:find('total_revenue', 1, true), 'hover lists the columns: ' .. markup)
  log('hover ok')

  -- Definition of a column: its alias in the upstream model.
  cursor_on(buf, 'country_code', 1, 2)
  local defs = request(buf, 'textDocument/definition', vim.lsp.util.make_position_params())
  check(defs and #defs == 1, 'one definition: ' .. vim.inspect(defs))
  local target = defs[1].uri or defs[1].targetUri
  check(vim.endswith(target, '/models/customer_orders.sql'), 'definition in ' .. target)
  local def_range = defs[1].range or defs[1].targetSelectionRange
  local upstream = vim.fn.readfile(project .. '/models/customer_orders.sql')
  local defined = upstream[def_range.start.line + 1]:sub(def_range.start.character + 1, def_range['end'].character)
  check(defined:find('country_code', 1, true), 'definition names `' .. defined .. '`')
  log('definition ok')

  -- The quick fix of the diagnostic, applied.
  local range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } }
  local lsp_diag = { range = range, message = d.message, severity = 1, source = 'rocky', code = d.code }
  local actions = request(buf, 'textDocument/codeAction', {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    range = range,
    context = { diagnostics = { lsp_diag } },
  })
  local fix
  for _, a in ipairs(actions or {}) do
    if a.kind == 'quickfix' and a.title:find('total_revenue', 1, true) then
      fix = a
    end
  end
  check(fix ~= nil, 'a quick fix: ' .. vim.inspect(actions))
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  check(line(buf, 3):find('sum(total_revenue)', 1, true), 'fixed: ' .. line(buf, 3))
  wait_for('the diagnostic to clear', function()
    return #vim.diagnostic.get(buf) == 0
  end)
  log('code action ok')

  -- Rename an upstream column from its use: both models change, nothing breaks.
  cursor_on(buf, 'sum(order_count)', 1, 6)
  local edit = request(buf, 'textDocument/rename', {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    position = vim.lsp.util.make_position_params().position,
    newName = 'orders_placed',
  })
  check(edit ~= nil, 'a rename edit')
  vim.lsp.util.apply_workspace_edit(edit, client.offset_encoding)
  check(line(buf, 4):find('sum(orders_placed)', 1, true), 'renamed here: ' .. line(buf, 4))
  local up = vim.fn.bufnr(project .. '/models/customer_orders.sql')
  check(up ~= -1, 'the upstream model is loaded by the edit')
  local up_text = table.concat(vim.api.nvim_buf_get_lines(up, 0, -1, false), '\n')
  check(up_text:find('AS orders_placed', 1, true), 'renamed upstream: ' .. up_text)
  wait_for('no diagnostics after the rename', function()
    return #vim.diagnostic.get(buf) == 0
  end)
  log('rename ok')

  -- Rocky's own request: the compiled SQL binds the model reference to its table.
  local compiled = request(buf, 'rocky/compiledSql', { textDocument = vim.lsp.util.make_text_document_params(buf) })
  check(compiled.model == 'revenue_summary', 'compiled model: ' .. vim.inspect(compiled))
  check(compiled.sql:find('FROM "playground"."main"."customer_orders"', 1, true), 'compiled: ' .. compiled.sql)
  log('compiled SQL ok')

  -- A pipeline: filetype, highlighting, the same client, hover in the pipeline text.
  vim.cmd('edit ' .. vim.fn.fnameescape(project .. '/models/status_summary.rocky'))
  local rbuf = vim.api.nvim_get_current_buf()
  check(vim.bo[rbuf].filetype == 'rocky', 'filetype rocky, got ' .. vim.bo[rbuf].filetype)
  check(vim.bo[rbuf].commentstring == '-- %s', 'commentstring ' .. vim.bo[rbuf].commentstring)
  local function group_at(lnum, col)
    return vim.fn.synIDattr(vim.fn.synIDtrans(vim.fn.synID(lnum, col, 1)), 'name')
  end
  check(group_at(1, 1) == 'Comment', 'a comment: ' .. group_at(1, 1))
  check(group_at(5, 1) == 'Statement', '`from` a step: ' .. group_at(5, 1))
  wait_for('the client on the pipeline', function()
    return require('rocky').client(rbuf) ~= nil
  end)
  check(require('rocky').client(rbuf).id == client.id, 'one client per project')
  cursor_on(rbuf, 'sum(amount)', 1, 5)
  local rhover = request(rbuf, 'textDocument/hover', vim.lsp.util.make_position_params())
  local rmarkup = rhover and rhover.contents and rhover.contents.value or ''
  check(rmarkup:find('amount', 1, true), 'hover in the pipeline: ' .. rmarkup)
  log('pipeline ok')

  -- A .sql file outside any Rocky project gets no client.
  local outside = vim.fn.tempname() .. '.sql'
  vim.fn.writefile({ 'SELECT 1' }, outside)
  vim.cmd('edit ' .. vim.fn.fnameescape(outside))
  vim.wait(300)
  check(require('rocky').client(0) == nil, 'no client outside a project')
  log('outside ok')
end

local ok, err = pcall(run)
if ok then
  log('all checks passed')
  vim.cmd('qall!')
else
  log('FAILED: ' .. tostring(err))
  vim.cmd('cquit 1')
end
