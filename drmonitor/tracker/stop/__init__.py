"""Access Now STOP format: the column mapping, the CSV export and the all-or-nothing import."""
