SELECT region, id, amount FROM src.batch
