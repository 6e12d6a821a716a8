-- expect: TRY_CAST uses `,` instead of AS on line 2
select try_cast(a, int) from t;
