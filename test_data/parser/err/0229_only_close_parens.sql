-- expect: file is only `)))`: three unmatched closing parentheses
)))
