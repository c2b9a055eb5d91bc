"""Errors raised by the services; each message is a Chinese sentence saying what to do next."""


class ServiceError(Exception):
    """Base of the errors a service raises on purpose (never a bug)."""


class PermissionDenied(ServiceError):
    """The acting user may not do this (HTTP 403)."""


class NotFound(ServiceError):
    """The named plan, task, unit or user does not exist (HTTP 404)."""


class InvalidInput(ServiceError):
    """The data given is incomplete or wrong; the message names the field."""
