-- expect: missing comma after `name varchar` on line 4, before `created_at timestamp` on line 5
create table users (
    id integer,
    name varchar
    created_at timestamp
);
