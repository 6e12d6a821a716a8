-- The sources: a small TPC-H-like warehouse (schema tpch) and a web event log (schema web).
-- Every row is a deterministic function of a counter, so the data is the same on every run.
CREATE SCHEMA IF NOT EXISTS tpch;
CREATE SCHEMA IF NOT EXISTS web;

CREATE OR REPLACE TABLE tpch.region (
    r_regionkey INTEGER NOT NULL,
    r_name      CHAR(25) NOT NULL,
    r_comment   VARCHAR(152) NOT NULL
);

CREATE OR REPLACE TABLE tpch.nation (
    n_nationkey INTEGER NOT NULL,
    n_name      CHAR(25) NOT NULL,
    n_regionkey INTEGER NOT NULL,
    n_comment   VARCHAR(152) NOT NULL
);

CREATE OR REPLACE TABLE tpch.part (
    p_partkey     BIGINT NOT NULL,
    p_name        VARCHAR(55) NOT NULL,
    p_mfgr        CHAR(25) NOT NULL,
    p_brand       CHAR(10) NOT NULL,
    p_type        VARCHAR(25) NOT NULL,
    p_size        INTEGER NOT NULL,
    p_container   CHAR(10) NOT NULL,
    p_retailprice DECIMAL(15, 2) NOT NULL,
    p_comment     VARCHAR(23) NOT NULL
);

CREATE OR REPLACE TABLE tpch.supplier (
    s_suppkey   BIGINT NOT NULL,
    s_name      CHAR(25) NOT NULL,
    s_address   VARCHAR(40) NOT NULL,
    s_nationkey INTEGER NOT NULL,
    s_phone     CHAR(15) NOT NULL,
    s_acctbal   DECIMAL(15, 2) NOT NULL,
    s_comment   VARCHAR(101) NOT NULL
);

CREATE OR REPLACE TABLE tpch.partsupp (
    ps_partkey    BIGINT NOT NULL,
    ps_suppkey    BIGINT NOT NULL,
    ps_availqty   INTEGER NOT NULL,
    ps_supplycost DECIMAL(15, 2) NOT NULL,
    ps_comment    VARCHAR(199) NOT NULL
);

CREATE OR REPLACE TABLE tpch.customer (
    c_custkey    BIGINT NOT NULL,
    c_name       VARCHAR(25) NOT NULL,
    c_address    VARCHAR(40) NOT NULL,
    c_nationkey  INTEGER NOT NULL,
    c_phone      CHAR(15) NOT NULL,
    c_acctbal    DECIMAL(15, 2) NOT NULL,
    c_mktsegment CHAR(10) NOT NULL,
    c_comment    VARCHAR(117) NOT NULL
);

CREATE OR REPLACE TABLE tpch.orders (
    o_orderkey      BIGINT NOT NULL,
    o_custkey       BIGINT NOT NULL,
    o_orderstatus   CHAR(1) NOT NULL,
    o_totalprice    DECIMAL(15, 2) NOT NULL,
    o_orderdate     DATE NOT NULL,
    o_orderpriority CHAR(15) NOT NULL,
    o_clerk         CHAR(15) NOT NULL,
    o_shippriority  INTEGER NOT NULL,
    o_comment       VARCHAR(79) NOT NULL
);

CREATE OR REPLACE TABLE tpch.lineitem (
    l_orderkey      BIGINT NOT NULL,
    l_partkey       BIGINT NOT NULL,
    l_suppkey       BIGINT NOT NULL,
    l_linenumber    INTEGER NOT NULL,
    l_quantity      DECIMAL(15, 2) NOT NULL,
    l_extendedprice DECIMAL(15, 2) NOT NULL,
    l_discount      DECIMAL(15, 2) NOT NULL,
    l_tax           DECIMAL(15, 2) NOT NULL,
    l_returnflag    CHAR(1) NOT NULL,
    l_linestatus    CHAR(1) NOT NULL,
    l_shipdate      DATE NOT NULL,
    l_commitdate    DATE NOT NULL,
    l_receiptdate   DATE NOT NULL,
    l_shipinstruct  CHAR(25) NOT NULL,
    l_shipmode      CHAR(10) NOT NULL,
    l_comment       VARCHAR(44) NOT NULL
);

CREATE OR REPLACE TABLE web.events (
    event_id        BIGINT NOT NULL,
    customer_key    BIGINT,
    event_type      VARCHAR NOT NULL,
    occurred_at     TIMESTAMP NOT NULL,
    revenue         DECIMAL(12, 2),
    session_seconds INTEGER
);

INSERT INTO tpch.region
SELECT i,
       ['AFRICA', 'AMERICA', 'ASIA', 'EUROPE', 'MIDDLE EAST'][i + 1],
       'region comment ' || i
FROM range(0, 5) t(i);

INSERT INTO tpch.nation
SELECT i,
       ['ALGERIA', 'ARGENTINA', 'BRAZIL', 'CANADA', 'EGYPT', 'ETHIOPIA', 'FRANCE', 'GERMANY',
        'INDIA', 'INDONESIA', 'IRAN', 'IRAQ', 'JAPAN', 'JORDAN', 'KENYA', 'MOROCCO',
        'MOZAMBIQUE', 'PERU', 'CHINA', 'ROMANIA', 'SAUDI ARABIA', 'VIETNAM', 'RUSSIA',
        'UNITED KINGDOM', 'UNITED STATES'][i + 1],
       [0, 1, 1, 1, 4, 0, 3, 3, 2, 2, 4, 4, 2, 4, 0, 0, 0, 1, 2, 3, 4, 2, 3, 3, 1][i + 1],
       'nation comment ' || i
FROM range(0, 25) t(i);

-- 120 parts: names from colour words, types/containers/brands cycling through TPC-H's lists.
INSERT INTO tpch.part
SELECT i,
       ['forest', 'green', 'almond', 'blue', 'khaki', 'ivory', 'lime', 'red'][1 + i % 8] || ' '
           || ['green', 'navy', 'forest', 'peach', 'plum', 'tan'][1 + (i // 8) % 6] || ' '
           || ['metallic', 'antique', 'frosted', 'misty'][1 + i % 4],
       'Manufacturer#' || (1 + i % 5),
       'Brand#' || (1 + i % 5) || (1 + (i // 5) % 5),
       ['STANDARD', 'SMALL', 'MEDIUM', 'LARGE', 'ECONOMY', 'PROMO'][1 + i % 6] || ' '
           || ['ANODIZED', 'BURNISHED', 'PLATED', 'POLISHED', 'BRUSHED'][1 + (i // 6) % 5] || ' '
           || ['TIN', 'NICKEL', 'BRASS', 'STEEL', 'COPPER'][1 + (i // 7) % 5],
       1 + (i * 7) % 50,
       ['SM', 'LG', 'MED', 'JUMBO', 'WRAP'][1 + (i // 3) % 5] || ' '
           || ['CASE', 'BOX', 'BAG', 'JAR', 'PKG', 'PACK', 'CAN', 'DRUM'][1 + i % 8],
       CAST((90000 + (i // 10) % 20001 + 100 * (i % 1000)) / 100.0 AS DECIMAL(15, 2)),
       'part comment ' || i
FROM range(1, 121) t(i);

-- 20 suppliers; two of them carry customer complaints (TPC-H Q16).
INSERT INTO tpch.supplier
SELECT i,
       'Supplier#' || lpad(CAST(i AS VARCHAR), 9, '0'),
       i || ' Supply Street',
       (i * 3) % 25,
       CAST(10 + (i * 3) % 25 AS VARCHAR) || '-' || lpad(CAST(100 + i * 37 % 900 AS VARCHAR), 3, '0') || '-555-0' || (i % 10),
       CAST(((i * 619) % 10000 - 1000) / 1.0 + (i % 100) / 100.0 AS DECIMAL(15, 2)),
       CASE WHEN i % 9 = 4 THEN 'slow; Customer had Complaints about delays'
            ELSE 'reliable supplier ' || i END
FROM range(1, 21) t(i);

-- Four suppliers per part.
INSERT INTO tpch.partsupp
SELECT 1 + i // 4,
       1 + (1 + i // 4 + (i % 4) * 5) % 20,
       100 + (i * 37) % 9900,
       CAST(1 + (i * 71) % 1000 + (i % 100) / 100.0 AS DECIMAL(15, 2)),
       'partsupp comment ' || i
FROM range(0, 480) t(i);

-- 150 customers; phones start with the nation key + 10 as in TPC-H.
INSERT INTO tpch.customer
SELECT i,
       'Customer#' || lpad(CAST(i AS VARCHAR), 9, '0'),
       i || ' Market Street',
       i % 25,
       CAST(10 + i % 25 AS VARCHAR) || '-' || lpad(CAST(100 + (i * 53) % 900 AS VARCHAR), 3, '0') || '-555-' || lpad(CAST(i % 10000 AS VARCHAR), 4, '0'),
       CAST((i * 397) % 10999 / 1.0 - 999.99 + (i % 7) / 100.0 AS DECIMAL(15, 2)),
       ['AUTOMOBILE', 'BUILDING', 'FURNITURE', 'MACHINERY', 'HOUSEHOLD'][1 + i % 5],
       CASE WHEN i % 11 = 0 THEN 'has special requests pending' ELSE 'customer comment ' || i END
FROM range(1, 151) t(i);

-- 300 orders between 1992 and 1998; customers whose key is a multiple of 3 never order.
INSERT INTO tpch.orders
SELECT i,
       CASE WHEN (1 + (i * 7) % 150) % 3 = 0 THEN 1 + (i * 7) % 150 + 1 ELSE 1 + (i * 7) % 150 END,
       ['F', 'O', 'P', 'F'][1 + i % 4],
       CAST(1000 + (i * 7919) % 300000 / 1.0 + (i % 100) / 100.0 AS DECIMAL(15, 2)),
       DATE '1992-01-01' + CAST((i * 67) % 2400 AS INTEGER),
       ['1-URGENT', '2-HIGH', '3-MEDIUM', '4-NOT SPECIFIED', '5-LOW'][1 + i % 5],
       'Clerk#' || lpad(CAST(1 + i % 40 AS VARCHAR), 9, '0'),
       0,
       CASE WHEN i % 13 = 0 THEN 'special handling of requests' ELSE 'order comment ' || i END
FROM range(1, 301) t(i);

-- Three line items per order, shipped after the order date.
INSERT INTO tpch.lineitem
SELECT o.o_orderkey,
       1 + (i * 7) % 120,
       1 + (1 + (i * 7) % 120 + (i % 4) * 5) % 20,
       1 + i % 3,
       CAST(1 + (i * 41) % 50 AS DECIMAL(15, 2)),
       CAST((1 + (i * 41) % 50) * (900 + ((1 + (i * 7) % 120) % 200)) / 1.0 AS DECIMAL(15, 2)),
       CAST((i % 11) / 100.0 AS DECIMAL(15, 2)),
       CAST((i % 9) / 100.0 AS DECIMAL(15, 2)),
       CASE WHEN o.o_orderdate + CAST(2 + (i * 7) % 121 + (i * 3) % 30 AS INTEGER) <= DATE '1995-06-17'
            THEN ['R', 'A'][1 + i % 2] ELSE 'N' END,
       CASE WHEN o.o_orderdate + CAST(1 + (i * 7) % 121 AS INTEGER) > DATE '1995-06-17' THEN 'O' ELSE 'F' END,
       o.o_orderdate + CAST(1 + (i * 7) % 121 AS INTEGER),
       o.o_orderdate + CAST(30 + (i * 5) % 61 AS INTEGER),
       o.o_orderdate + CAST(2 + (i * 7) % 121 + (i * 3) % 30 AS INTEGER),
       ['DELIVER IN PERSON', 'COLLECT COD', 'NONE', 'TAKE BACK RETURN'][1 + i % 4],
       ['REG AIR', 'AIR', 'RAIL', 'SHIP', 'TRUCK', 'MAIL', 'FOB'][1 + i % 7],
       'lineitem comment ' || i
FROM range(0, 900) t(i)
JOIN tpch.orders AS o ON o.o_orderkey = 1 + i // 3;

-- 400 web events over the first months of 2024; some anonymous, revenue only on purchases.
INSERT INTO web.events
SELECT i,
       CASE WHEN i % 17 = 0 THEN NULL ELSE 1 + (i * 11) % 150 END,
       ['page_view', 'page_view', 'add_to_cart', 'page_view', 'checkout', 'purchase', 'signup'][1 + i % 7],
       TIMESTAMP '2024-01-01 08:00:00' + INTERVAL (i * 331) MINUTE,
       CASE WHEN i % 7 = 5 THEN CAST(10 + (i * 37) % 490 + (i % 100) / 100.0 AS DECIMAL(12, 2)) END,
       CASE WHEN i % 23 = 0 THEN NULL ELSE (i * 97) % 1800 END
FROM range(1, 401) t(i);
