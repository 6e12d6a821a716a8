select(a)from(t)where(a>=1)and(b<>2)or(c!=3)and(d<=4)and(x::int=1)and(s||'x'='y');
select 1+2*3-4/5%6, a->>'k', -1, - -1;
