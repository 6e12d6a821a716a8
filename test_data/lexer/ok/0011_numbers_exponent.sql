-- scientific notation
select 1e10, 1E10, 1.5E-3, 2e+5, .5e2, 1.e3, 6.02214076e23;
