-- dialect: databricks
select `a`, `with space`, `has ``tick```, `größe` from `cat`.`schema`.`tbl`;
