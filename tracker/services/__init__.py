"""Use cases of the tracker, shared by the web pages and the command line.

Services take plain data and the acting user, never ``request``; they check
permissions and commit once, so writes that belong together commit together.
"""
