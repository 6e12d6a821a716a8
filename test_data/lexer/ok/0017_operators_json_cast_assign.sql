-- ->, ->>, ::, :=, =>, ||
select j -> 'a', j ->> 'b', j->'c'->>0, x::int, x::varchar(10)::text, f(a := 1, b => 2), 'a' || 'b' from t;
