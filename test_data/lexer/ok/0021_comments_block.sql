/* leading */ select /* inline */ 1 /* multi
line
comment */;
/* nested /* inner */ still comment */ select 2;
/**/ select /***/ 3 /* -- not a line comment */;
