select a b c d;
