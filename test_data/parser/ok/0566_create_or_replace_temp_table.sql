create or replace temp table stage as from read_parquet('landing/*.parquet')
