-- bitwise and prefix operators
select a & b, a | b, a << 2, a >> 1, ~a, !a, @ -5, a ^ b from t;
