-- expect: file is only `(((`: three unclosed parentheses and no expression
(((
