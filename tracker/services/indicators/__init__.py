"""Indicators (指标监测, issue 16): who may see and file figures, import of tables, entry, ranking.

``access``: the rights (supervising office: every entity; a liaison: its own unit only);
``importing``: load → preview → apply all or nothing; ``figures``: figures entry, targets,
the ranking of CONTRACTS.md §8 and the template export.
"""
