SELECT sku FROM inventory_expected EXCEPT ALL SELECT sku FROM inventory_actual
