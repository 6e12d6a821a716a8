-- expect: emoji `🦆` used as a select item on line 2
select 🦆 from t;
select 1;
