-- expect: file is only `+ * -`: operators with no operands
+ * -
