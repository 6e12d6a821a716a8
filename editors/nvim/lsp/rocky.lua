-- `vim.lsp.enable('rocky')` on Neovim 0.11+ finds this file on 'runtimepath'.
return require('rocky').config()
