"""regdesk's performance suite: ``make bench`` (``python -m benchmarks``).

Every figure is measured beside a baseline in the same run and reported as a ratio, so
that a slower or faster machine does not change the verdict. Results: a table on stdout
and JSON in benchmarks/results/.
"""
