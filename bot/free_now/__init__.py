"""Free now: a GP says they are free for a quick chat or a task, until a time; it lapses itself."""
