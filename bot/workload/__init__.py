"""Pool the work: a swamped GP offers tasks that could move; colleagues take them (workload)."""
