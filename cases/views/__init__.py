"""Views of the cases app: ``public`` (practices, feedback, open data) and ``submitter`` (my cases)."""
