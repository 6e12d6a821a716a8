SELECT t.ticker, t.ts, t.price, q.bid
FROM trades t
ASOF JOIN quotes q
  ON t.ticker = q.ticker AND t.ts >= q.ts
