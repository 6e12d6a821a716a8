-- dialect: databricks
SELECT id FROM `prod`.`orders` EXCEPT SELECT id FROM `dev`.`orders`
