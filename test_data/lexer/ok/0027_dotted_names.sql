select db.schema.tbl.col, t.*, "T"."c", s."mixed".x from db.schema.tbl as t;
