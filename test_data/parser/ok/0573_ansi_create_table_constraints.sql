-- dialect: ansi
CREATE TABLE t (
  a INTEGER NOT NULL,
  b VARCHAR(20),
  c DECIMAL(10, 2) DEFAULT 0,
  PRIMARY KEY (a, b)
)
