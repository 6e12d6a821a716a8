-- expect: keyword FROM where the first select item should be on line 2: `from from t`
select from from t;
