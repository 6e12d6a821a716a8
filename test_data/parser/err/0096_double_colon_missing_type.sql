-- expect: `::` missing target type on line 2: `from` follows it
select a:: from t;
