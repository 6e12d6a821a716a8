-- expect: CREATE TABLE missing the table name on line 2: `(` follows `table`
create table (a int);
