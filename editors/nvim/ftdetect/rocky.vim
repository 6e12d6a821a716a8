" `.rocky` pipelines (Neovim before 0.8 has no vim.filetype.add).
autocmd BufRead,BufNewFile *.rocky setfiletype rocky
