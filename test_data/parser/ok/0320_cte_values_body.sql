WITH mapping(code, label) AS (
    VALUES ('A', 'Active'), ('I', 'Inactive'), ('P', 'Pending')
)
SELECT c.*, m.label FROM customers c JOIN mapping m ON c.status_code = m.code
