"""Rules, queries and transactions, as plain async functions that tests can call without HTTP."""
