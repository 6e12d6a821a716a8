SELECT * FROM trades ASOF JOIN quotes USING (symbol, ts)
