-- positional and named parameters
select ?, $1, $2, $10, :name, :other_name from t where a = ? and b = $3 and c = :c and x::int = 1;
