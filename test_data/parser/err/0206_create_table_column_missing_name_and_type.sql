-- expect: column definition on line 4 is only `not null`: column name and type missing
create table t (
    id integer,
    not null
);
