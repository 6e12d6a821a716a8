-- dialect: snowflake
CREATE OR REPLACE TRANSIENT TABLE scratch.tmp_orders (id NUMBER, payload VARIANT)
