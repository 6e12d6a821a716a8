-- expect: right side of UNION is an empty `()` on line 2
(select 1) union ();
