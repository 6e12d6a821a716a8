-- dollar-quoted strings
select $$abc$$, $$it's$$, $$$$, $tag$a $$ b$tag$, $fn$ select 'x' $fn$, $$multi
line$$;
