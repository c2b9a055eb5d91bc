"""Figures: what the supervising office counts and ranks.

``facts`` (bulk task facts of one scope), ``cache`` (figures kept under a fingerprint of the data),
``dashboard`` (the dashboard and the liaison's home), ``lights`` (红黄绿 status lights),
``ranking`` (units ranked by 按期办结率 and 报送及时率), ``reporting`` (which reports are owed),
``bulletin`` (the monthly 通报 as data).
"""
