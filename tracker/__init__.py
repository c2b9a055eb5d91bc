"""The tracker: follow the implementation of policy plans (see README.md)."""
