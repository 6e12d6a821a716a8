drop schema staging cascade
