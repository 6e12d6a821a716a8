-- expect: unclosed `(` of the CREATE TABLE column list on line 2: `)` expected before `;`
create table t (a int, b int;
select * from t;
