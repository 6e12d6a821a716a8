-- Rocky for Neovim: registers `rocky lsp` with the built-in client for `.rocky` pipelines and
-- the `.sql` models of Rocky projects (folders holding `rocky.toml`).
--
-- Neovim 0.11+: vim.lsp.config / vim.lsp.enable. Older (down to 0.7, Debian bookworm's):
-- a FileType autocommand starting one client per project root. nvim-lspconfig users can
-- register `require('rocky').lspconfig` instead (see the README).
local M = {}

M.defaults = {
  -- The server binary and its arguments.
  cmd = { 'rocky', 'lsp' },
  filetypes = { 'rocky', 'sql' },
  -- Read the models in this dialect instead of the project's warehouse adapter's
  -- ('duckdb', 'databricks', 'snowflake', 'bigquery'); empty: the project's own.
  dialect = '',
}

local uv = vim.uv or vim.loop

--- The nearest folder at or above `path` holding rocky.toml, or nil.
function M.find_root(path)
  if path == nil or path == '' then
    return nil
  end
  local dir = vim.fn.fnamemodify(path, ':p:h')
  while dir and dir ~= '' do
    if uv.fs_stat(dir .. '/rocky.toml') then
      return dir
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      return nil
    end
    dir = parent
  end
  return nil
end

local function init_options(opts)
  return { dialect = opts.dialect or '' }
end

--- The configuration as vim.lsp.config takes it (Neovim 0.11+).
function M.config(opts)
  opts = vim.tbl_deep_extend('force', M.defaults, opts or {})
  return {
    cmd = opts.cmd,
    filetypes = opts.filetypes,
    init_options = init_options(opts),
    -- Only buffers inside a Rocky project: a plain .sql file elsewhere gets no client.
    root_dir = function(bufnr, on_dir)
      local root = M.find_root(vim.api.nvim_buf_get_name(bufnr))
      if root then
        on_dir(root)
      end
    end,
  }
end

--- The nvim-lspconfig server definition (`require('lspconfig.configs').rocky = ...`).
M.lspconfig = {
  default_config = {
    cmd = M.defaults.cmd,
    filetypes = M.defaults.filetypes,
    init_options = init_options(M.defaults),
    root_dir = function(fname)
      return M.find_root(fname)
    end,
    single_file_support = false,
  },
  docs = {
    description = 'Rocky language server (`rocky lsp`): SQL models and `.rocky` pipelines.',
  },
}

-- One client per project root on Neovim before 0.11.
local clients = {}

local function attach(bufnr, opts)
  local root = M.find_root(vim.api.nvim_buf_get_name(bufnr))
  if not root then
    return
  end
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client({
      name = 'rocky',
      cmd = opts.cmd,
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      init_options = init_options(opts),
      on_attach = opts.on_attach,
      capabilities = opts.capabilities,
    })
    if id == nil then
      vim.notify('rocky: cannot start `' .. table.concat(opts.cmd, ' ') .. '`', vim.log.levels.ERROR)
      return
    end
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

--- Sets up filetype detection and the language server. `opts` overrides M.defaults, plus
--- `on_attach` and `capabilities` for the client.
function M.setup(opts)
  opts = vim.tbl_deep_extend('force', M.defaults, opts or {})
  if vim.fn.has('nvim-0.8') == 1 then
    vim.filetype.add({ extension = { rocky = 'rocky' } })
  else
    -- 0.7 detects filetypes with filetype.vim, which may have run before this folder was
    -- on 'runtimepath' (so without ftdetect/rocky.vim).
    vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
      group = vim.api.nvim_create_augroup('rocky_filetype', { clear = true }),
      pattern = '*.rocky',
      command = 'setfiletype rocky',
    })
  end
  if vim.lsp.config and vim.lsp.enable then
    local config = M.config(opts)
    config.on_attach = opts.on_attach
    config.capabilities = opts.capabilities
    vim.lsp.config('rocky', config)
    vim.lsp.enable('rocky')
    return
  end
  local group = vim.api.nvim_create_augroup('rocky_lsp', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = opts.filetypes,
    callback = function(args)
      attach(args.buf, opts)
    end,
  })
  -- Buffers already open when setup runs.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(opts.filetypes, vim.bo[bufnr].filetype) then
      attach(bufnr, opts)
    end
  end
end

--- The client serving `bufnr`, if any.
function M.client(bufnr)
  bufnr = bufnr or 0
  if bufnr == 0 then
    bufnr = vim.api.nvim_get_current_buf()
  end
  local list = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr }) or vim.lsp.buf_get_clients(bufnr)
  for _, c in pairs(list) do
    if c.name == 'rocky' then
      return c
    end
  end
  return nil
end

--- Opens the compiled SQL of the current model in a scratch split (`rocky/compiledSql`).
function M.compiled_sql()
  local bufnr = vim.api.nvim_get_current_buf()
  local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
  vim.lsp.buf_request(bufnr, 'rocky/compiledSql', params, function(err, result)
    if err or not result then
      vim.notify('rocky: ' .. (err and err.message or 'not a model'), vim.log.levels.WARN)
      return
    end
    vim.cmd('vnew')
    local buf = vim.api.nvim_get_current_buf()
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(result.sql, '\n', { plain = true }))
    vim.bo[buf].buftype = 'nofile'
    vim.bo[buf].bufhidden = 'wipe'
    vim.bo[buf].modifiable = false
    vim.bo[buf].filetype = 'sql'
    pcall(vim.api.nvim_buf_set_name, buf, 'rocky-compiled://' .. result.model .. '.sql')
  end)
end

return M
