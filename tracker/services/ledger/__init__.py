"""The work ledger (工作台账) as use cases: ``export`` (.xlsx/.csv in every layout), ``uploads`` (stored
files awaiting confirmation), ``importing`` (preview and all-or-nothing apply), ``changes`` (row ->
change for the tracker's own ledgers), ``merge`` (other offices' ledgers), ``newplan`` (a plan made
from a ledger), ``outcomes`` (what each row did), ``revert`` (undo an import).

The pure reading and writing of workbooks is ``tracker.ledger``; these modules add the database.
"""
