-- expect: one `]` missing in the nested list literal on line 2
select [[[1, 2], [3]], [[4]] from t;
