-- backslash, currency sign, non-ASCII punctuation, emoji outside strings
select a \ b, c ¤ d, e → f, 🦆, “x”, a，b;
