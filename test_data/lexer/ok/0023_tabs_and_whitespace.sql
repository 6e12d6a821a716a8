-- tabs, spaces, blank lines
select	a,		b
	from	t 	 where		a = 1;


   	
select 2;
