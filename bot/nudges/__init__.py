"""The weekly nudge: one gentle, personal direct message a week (leadership, camaraderie)."""
