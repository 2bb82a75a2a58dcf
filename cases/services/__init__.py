"""Every write that matters to cases: submission workflow (``submission``) and citizen feedback
(``feedback``). Import from the submodules."""
