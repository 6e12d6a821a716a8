-- dialect: snowflake
-- expect: FROM-first is DuckDB syntax
from t select a;
