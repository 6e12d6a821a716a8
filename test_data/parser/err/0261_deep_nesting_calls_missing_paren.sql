-- expect: six nested calls `f(g(h(i(j(k(1` but only five `)` on line 2
select f(g(h(i(j(k(1))))) from t;
select 1;
