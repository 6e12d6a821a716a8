-- expect: unterminated nested block comment on line 2: `*/` only closes the inner `/*`, the outer one stays open
select a /* outer /* inner */ from t;
