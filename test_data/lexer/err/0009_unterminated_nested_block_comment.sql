-- inner */ closes only the inner /*
select 1 /* outer /* inner */ still in outer
select 2;
