"""Accounts and the unit registry: ``users`` (accounts, roles, passwords), ``units`` (units, aliases,
merges, look-up by name), ``tokens`` (API tokens), ``throttles`` (sign-in and password-check limits).
"""
