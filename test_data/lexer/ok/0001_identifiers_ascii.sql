-- plain, underscore-led and $-containing identifiers
select foo, Foo, FOO, _x, __y, x$1, a1_b2, t_1.c$ from t_1;
